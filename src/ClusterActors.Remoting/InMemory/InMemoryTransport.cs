using System.Collections.Concurrent;
using ClusterActors.Actors;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>A node's transport on an <see cref="InMemoryNetwork"/>: the same contract as TCP, with deliveries as timers of the network's clock.</summary>
/// <remarks>
/// Mirrors the TCP transport where the layer above can tell: <see cref="Send"/> and <see cref="Quarantine"/>
/// need <see cref="Start"/>; a message is pinned to the target run live when it is sent; a node learns a
/// peer's run whenever it sends to it or hears from it, and a new run at a known address retires the
/// old one ("restarted as incarnation N"); a graceful shutdown tells every node that knows this run
/// ("shut down"); a quarantine raises "quarantined: reason". <see cref="ITransportEvents.OnIncarnationGone"/>
/// is raised at most once per (address, incarnation). Messages that reach a node that is bound but not
/// started wait in its inbox and are handed over, in order, right after <see cref="Start"/> (from a
/// zero-delay timer, not inside it). Event handlers that throw are logged and do not stop delivery.
/// <see cref="RemotingCounters.FramesOut"/> and <see cref="RemotingCounters.FramesIn"/> count messages
/// put on and taken off the network (each copy of a duplicated one).
/// </remarks>
public sealed partial class InMemoryTransport : IRemoteTransport
{
    private readonly InMemoryNetwork network;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<Address, PeerDiagnostics> diagnostics = new();
    private TransportState state;
    private ITransportEvents? events;

    internal InMemoryTransport(InMemoryNetwork network, NodeIdentity identity, ILogger logger)
    {
        this.network = network;
        this.logger = logger;
        LocalIdentity = identity;
    }

    private enum TransportState
    {
        Created,
        Bound,
        Started,
        ShutDown,
        Aborted,
    }

    /// <inheritdoc />
    /// <remarks>Known from the settings, so valid from creation.</remarks>
    public NodeIdentity LocalIdentity { get; }

    /// <inheritdoc />
    public RemotingCounters Counters { get; } = new();

    /// <summary>The order in which nodes bound (for a fixed order of shutdown notices).</summary>
    internal long BindOrder { get; private set; }

    /// <summary>What this node knows of its peers' runs; guarded by the network's lock.</summary>
    internal PeerRuns Peers { get; } = new();

    /// <summary>True from bind until stopped; read under the network's lock.</summary>
    internal bool IsRunningLocked => state is TransportState.Bound or TransportState.Started;

    /// <inheritdoc />
    /// <remarks>Completes synchronously; faulted with <see cref="InvalidOperationException"/> when another live node holds the address, when this incarnation already ran there, or when this transport was bound or stopped before.</remarks>
    public Task<Address> BindAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<Address>(cancellationToken);
        }

        try
        {
            network.Bind(this);
        }
        catch (InvalidOperationException error)
        {
            return Task.FromException<Address>(error);
        }

        InMemoryLog.Bound(logger, LocalIdentity.Address.ToString(), LocalIdentity.NodeId, LocalIdentity.Incarnation);
        return Task.FromResult(LocalIdentity.Address);
    }

    /// <inheritdoc />
    public void Start(ITransportEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (network.Gate)
        {
            if (state != TransportState.Bound)
            {
                throw new InvalidOperationException(state switch
                {
                    TransportState.Created => "Call BindAsync before Start.",
                    TransportState.Started => "The transport has already started.",
                    _ => "The transport has stopped; a restart needs a new transport (a new incarnation).",
                });
            }

            this.events = events;
            state = TransportState.Started;
            ArmFlushLocked();
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The transport has not started.</exception>
    public bool Send(OutboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return network.Send(this, envelope);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Puts a copy of the bytes on the link to <paramref name="target"/>, in order with the messages
    /// already on it, under the same rules as a message (a target not running, gone or refusing this run
    /// refuses it; one that crashes meanwhile loses it, counted here at arrival); it is decoded at the
    /// target. A link the fault injector blackholes refuses it; its other faults apply to routed messages
    /// only, as over TCP. Never blocks, so <paramref name="timeout"/> is only checked.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The transport has not started.</exception>
    public bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        DistressCodec.RequireFrame(frame, nameof(frame));
        DistressCodec.RequireTimeout(timeout, nameof(timeout));
        return network.SendDistress(this, target, frame.ToArray());
    }

    /// <inheritdoc />
    /// <remarks>Nothing to do: the in-memory network has no connections.</remarks>
    public void EnsureConnected(Address target) => ArgumentNullException.ThrowIfNull(target);

    /// <inheritdoc />
    /// <remarks>Raises <see cref="ITransportEvents.OnIncarnationGone"/> ("quarantined: reason") synchronously, as TCP does, unless that run was already gone or this transport has stopped.</remarks>
    public void Quarantine(Address address, long incarnation, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (incarnation == 0)
        {
            throw new ArgumentException("Incarnation 0 names no run of a node.", nameof(incarnation));
        }

        bool raise;
        lock (network.Gate)
        {
            var running = SendableLocked();
            raise = Peers.Quarantine(address, incarnation) && running;
        }

        if (raise)
        {
            RaiseGone(address, incarnation, $"quarantined: {reason}");
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Completes synchronously. Messages already sent stay on their links and arrive; each live node is
    /// then told, on the link from this one (so after those messages), and raises "shut down" if it
    /// knows this run. Messages still held by the fault injector are dropped, counted. The address is
    /// free at once for a new incarnation.
    /// </remarks>
    public Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        Stop(graceful: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Nobody is told; messages in flight to this node are dropped when they arrive, counted by their senders.</remarks>
    public void Abort() => Stop(graceful: false);

    /// <summary>Shuts down gracefully (see <see cref="ShutdownAsync"/>), as the TCP transport does.</summary>
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    /// <inheritdoc />
    public override string ToString() => $"in-memory {LocalIdentity.Address} (incarnation {LocalIdentity.Incarnation})";

    internal void RequireBindableLocked()
    {
        if (state != TransportState.Created)
        {
            throw new InvalidOperationException(IsRunningLocked
                ? $"{LocalIdentity.Address} is already bound by this transport."
                : "The transport has stopped; a restart needs a new transport (a new incarnation).");
        }
    }

    internal void BoundLocked(long order)
    {
        state = TransportState.Bound;
        BindOrder = order;
    }

    /// <summary>Throws before <see cref="Start"/> (as TCP does); false once stopped.</summary>
    internal bool SendableLocked() => state switch
    {
        TransportState.Started => true,
        TransportState.ShutDown or TransportState.Aborted => false,
        _ => throw new InvalidOperationException("Call BindAsync and Start before sending or quarantining."),
    };

    /// <summary>Marks this transport stopped; false when it already was. Returns the messages and distress frames its inbox held (now lost).</summary>
    internal bool StopLocked(bool graceful, out bool wasBound, out List<SentInFlight> lost)
    {
        wasBound = IsRunningLocked;
        lost = [];
        if (state is TransportState.ShutDown or TransportState.Aborted)
        {
            return false;
        }

        state = graceful ? TransportState.ShutDown : TransportState.Aborted;
        DrainInboxLocked(lost);
        return true;
    }

    /// <summary>The diagnostics of this node's traffic with <paramref name="peer"/>: this node's counters, logs naming the peer.</summary>
    internal PeerDiagnostics DiagnosticsFor(Address peer) =>
        diagnostics.GetOrAdd(peer, static (address, transport) => new PeerDiagnostics(transport.Counters, transport.logger, address.ToString()), this);

    /// <summary>Counts and logs a message of this node that will not be delivered.</summary>
    internal void ReportDropped(OutboundEnvelope envelope, string reason) =>
        DiagnosticsFor(envelope.Target).ReportDroppedOutbound(envelope.Recipient, envelope.TypeId, reason);

    private void Stop(bool graceful)
    {
        if (network.Leave(this, graceful))
        {
            InMemoryLog.Stopped(logger, LocalIdentity.Address.ToString(), LocalIdentity.Incarnation, graceful ? "shut down" : "aborted");
        }
    }
}
