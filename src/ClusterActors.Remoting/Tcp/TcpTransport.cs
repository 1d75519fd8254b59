using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ClusterActors.Actors;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>The production <see cref="IRemoteTransport"/>: authenticated TCP connections, one dialed per peer for this node's writes, as in Akka Artery.</summary>
/// <remarks>
/// Each node writes to a peer only on the connection it dialed itself (lazily, at the first send), so
/// messages to one peer keep their order; connections a peer dialed are only read. Outbound messages
/// wait in a per-peer queue (system messages first, ordinary ones bounded) that one writer loop
/// drains into the socket in batches. A broken connection loses what was in flight (at-most-once) and
/// is redialed with backoff while messages wait. The parts: <c>TcpTransport.Inbound.cs</c> (accepting),
/// <c>TcpTransport.Receive.cs</c> (reading frames), <c>TcpTransport.Stop.cs</c> (shutdown and abort),
/// <see cref="TcpAssociation"/> (per-peer state and the outbound loop).
/// </remarks>
public sealed partial class TcpTransport : IRemoteTransport
{
    /// <summary>The reason in the Close frame a node sends when it shuts down.</summary>
    public const string ShutdownReason = "node shutting down";

    private const int Created = 0;
    private const int Binding = 1;
    private const int Bound = 2;
    private const int Started = 3;
    private const int ShuttingDown = 4;
    private const int Stopped = 5;

    private readonly ConcurrentDictionary<Address, TcpAssociation> associations = new();
    private readonly ConcurrentDictionary<TcpConnection, byte> connections = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource aborting = new();
    private readonly Lock lifecycle = new();
    private int state;
    private NodeIdentity? localIdentity;
    private Socket? listener;
    private string listenEndpoint = string.Empty;
    private ITransportEvents? events;

    /// <summary>Creates a transport; throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public TcpTransport(TcpTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        Logger = settings.LoggerFactory.CreateLogger<TcpTransport>();
    }

    /// <summary>The settings the transport runs with.</summary>
    public TcpTransportSettings Settings { get; }

    /// <inheritdoc />
    public NodeIdentity LocalIdentity => localIdentity ?? throw new InvalidOperationException("The transport has no identity until BindAsync has completed.");

    /// <inheritdoc />
    public RemotingCounters Counters { get; } = new();

    internal ILogger Logger { get; }

    internal bool IsShuttingDown => Volatile.Read(ref state) >= ShuttingDown;

    internal bool IsStopped => Volatile.Read(ref state) == Stopped;

    /// <summary>Cancelled when shutdown starts or on abort: ends backoff waits and the accept loop.</summary>
    internal CancellationToken StopToken => stopping.Token;

    /// <summary>Cancelled on abort and when shutdown finishes: ends dials and handshakes.</summary>
    internal CancellationToken AbortToken => aborting.Token;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Already bound, or the host is not loopback and no cluster secret is set.</exception>
    /// <exception cref="IOException">The endpoint cannot be listened on (e.g. the port is taken).</exception>
    public async Task<Address> BindAsync(CancellationToken cancellationToken = default)
    {
        lock (lifecycle)
        {
            if (state != Created)
            {
                throw new InvalidOperationException("BindAsync may be called once, before anything else.");
            }

            if (Settings.Secret.IsEmpty && !TcpHosts.IsLoopback(Settings.Hostname))
            {
                throw new InvalidOperationException(
                    $"Refusing to listen on '{Settings.Hostname}' without a cluster secret: the host is not loopback, so any machine that reaches the port could join the cluster. Set cluster.secret, or listen on a loopback host (127.0.0.1, ::1, localhost).");
            }

            state = Binding;
        }

        try
        {
            var ip = await TcpHosts.ResolveAsync(Settings.Hostname, cancellationToken);
            var socket = Listen(new IPEndPoint(ip, Settings.Port));
            var endpoint = (IPEndPoint)socket.LocalEndPoint!;
            var address = RemoteAddress.Create(Settings.SystemName, Settings.Hostname, endpoint.Port);
            lock (lifecycle)
            {
                listener = socket;
                listenEndpoint = endpoint.ToString();
                localIdentity = new NodeIdentity(Settings.NodeId, address, Settings.Incarnation, Settings.SoftwareVersion, WireProtocol.SupportedVersions);
                state = Bound;
            }

            TcpLog.Listening(Logger, listenEndpoint, address.ToString(), Settings.NodeId, Settings.Incarnation);
            return address;
        }
        catch
        {
            lock (lifecycle)
            {
                state = Created;
            }

            throw;
        }
    }

    /// <inheritdoc />
    public void Start(ITransportEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (lifecycle)
        {
            if (state != Bound)
            {
                throw new InvalidOperationException(state < Bound ? "Call BindAsync before Start." : "The transport starts once, and not after it stopped.");
            }

            this.events = events;
            state = Started;
        }

        _ = Task.Run(AcceptAsync);
    }

    /// <inheritdoc />
    public bool Send(OutboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        RequireStarted();
        if (Settings.Faults is not { } faults)
        {
            return Enqueue(envelope);
        }

        var probe = new RouteProbe(this);
        faults.Route(LocalIdentity.Address, envelope, probe.Forward);
        return probe.Returned();
    }

    /// <inheritdoc />
    public void Quarantine(Address address, long incarnation, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        RequireStarted();
        AssociationFor(address).Quarantine(incarnation, reason);
    }

    /// <summary>True while an authenticated connection this node dialed to <paramref name="peer"/> is up (for tests and diagnostics).</summary>
    internal bool HasOutboundConnection(Address peer) => associations.TryGetValue(peer, out var association) && association.HasOutboundConnection;

    internal void RaiseIncarnationGone(Address address, long incarnation, string reason)
    {
        TcpLog.IncarnationGone(Logger, address.ToString(), incarnation, reason);
        try
        {
            events!.OnIncarnationGone(address, incarnation, reason);
        }
        catch (Exception error)
        {
            TcpLog.EventHandlerFailed(Logger, address.ToString(), error);
        }
    }

    /// <summary>Registers a live connection so shutdown and abort can reach it; false (not registered) once the transport has stopped.</summary>
    internal bool Track(TcpConnection connection)
    {
        connections.TryAdd(connection, 0);
        if (IsStopped || (connection.IsInbound && IsShuttingDown))
        {
            connections.TryRemove(connection, out _);
            return false;
        }

        return true;
    }

    /// <summary>Ends a connection for good: closed, buffers returned, unregistered.</summary>
    internal async Task ReleaseAsync(TcpConnection connection, string reason)
    {
        await connection.FinishAsync(reason);
        connections.TryRemove(connection, out _);
        connection.Dispose();
    }

    /// <summary>Refuses a peer whose handshake completed but whose incarnation may not talk to this node: counted, told why, closed.</summary>
    internal async Task RefuseAsync(TcpConnection connection, string refusal)
    {
        connection.Diagnostics.ReportHandshakeFailure(HandshakeRefusal.UnexpectedPeer, refusal);
        try
        {
            await connection.SendCloseAsync(CloseCode.HandshakeRefused, $"{HandshakeRefusal.UnexpectedPeer}: {refusal}", Settings.MaxFrameSize, AbortToken);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The peer learns from the closed connection instead.
        }

        await ReleaseAsync(connection, refusal);
    }

    private static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // A restarted node takes its port back while the old run's connections linger in TIME_WAIT (Windows allows that by default).
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(endpoint);
            socket.Listen(512);
            return socket;
        }
        catch (SocketException error)
        {
            socket.Dispose();
            throw new IOException($"Cannot listen on {endpoint}: {error.Message}", error);
        }
    }

    private bool Enqueue(OutboundEnvelope envelope)
    {
        if (IsShuttingDown)
        {
            new PeerDiagnostics(Counters, Logger, envelope.Target.ToString())
                .ReportDroppedOutbound(envelope.Recipient, envelope.TypeId, "the transport is shutting down or stopped.");
            return false;
        }

        if (envelope.Target.Equals(LocalIdentity.Address))
        {
            new PeerDiagnostics(Counters, Logger, envelope.Target.ToString())
                .ReportDroppedOutbound(envelope.Recipient, envelope.TypeId, "the target is this node itself; local messages do not go through the transport.");
            return false;
        }

        return AssociationFor(envelope.Target).TryEnqueue(envelope);
    }

    private TcpAssociation AssociationFor(Address address)
    {
        if (associations.TryGetValue(address, out var association))
        {
            return association;
        }

        if (!RemoteAddress.IsValid(address))
        {
            throw new ArgumentException($"'{address}' is not a remote address in canonical form (ca.tcp://system@host:port).", nameof(address));
        }

        return associations.GetOrAdd(address, static (key, transport) => new TcpAssociation(transport, key), this);
    }

    private void RequireStarted()
    {
        if (Volatile.Read(ref state) < Started)
        {
            throw new InvalidOperationException("Call BindAsync and Start before sending or quarantining.");
        }
    }

    /// <summary>Learns whether the fault injector forwarded a message at once, and what enqueueing it said.</summary>
    private sealed class RouteProbe
    {
        private readonly TcpTransport transport;
        private int returned;
        private int outcome;

        public RouteProbe(TcpTransport transport) => this.transport = transport;

        public void Forward(OutboundEnvelope envelope)
        {
            var accepted = transport.Enqueue(envelope);
            if (Volatile.Read(ref returned) == 0)
            {
                Interlocked.CompareExchange(ref outcome, accepted ? 1 : -1, 0);
            }
        }

        /// <summary>Call when Route returned: false only if the message was forwarded at once and refused.</summary>
        public bool Returned()
        {
            Volatile.Write(ref returned, 1);
            return Volatile.Read(ref outcome) >= 0;
        }
    }
}
