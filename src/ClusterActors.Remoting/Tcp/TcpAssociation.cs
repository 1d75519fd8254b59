using System.Net;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>
/// Everything this node holds about one peer address: the outbound queue and the one connection this
/// node dials to write to it, the latest connection the peer dialed to write to us, and which of the
/// peer's incarnations are known, gone or quarantined.
/// </summary>
/// <remarks>
/// One lock guards the state; events are raised and drops reported after it is released. The outbound
/// loop (dial, handshake, write, redial) is in <c>TcpAssociation.Outbound.cs</c>; distress writes and
/// connections kept open for them in <c>TcpAssociation.Distress.cs</c>.
/// </remarks>
internal sealed partial class TcpAssociation
{
    private readonly TcpTransport transport;
    private readonly Lock gate = new();
    private readonly OutboundLanes lanes;
    private readonly PeerIncarnations incarnations = new();
    private readonly AsyncSignal wake = new();
    private Task? outboundLoop;
    private TcpConnection? outbound;
    private TcpConnection? inbound;
    private bool accepting = true;
    private bool draining;
    private CancellationTokenSource? backoffWait;

    public TcpAssociation(TcpTransport transport, Address address)
    {
        this.transport = transport;
        Address = address;
        Diagnostics = new PeerDiagnostics(transport.Counters, transport.Logger, address.ToString());
        lanes = new OutboundLanes(transport.Settings.OutboundQueueCapacity);
        var host = RemoteAddress.SocketHost(address);
        DialEndpoint = IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, address.Port!.Value) : new DnsEndPoint(host, address.Port!.Value);
    }

    public Address Address { get; }

    /// <summary>Counts and logs what happens to messages for this peer.</summary>
    public PeerDiagnostics Diagnostics { get; }

    public EndPoint DialEndpoint { get; }

    /// <summary>True while an authenticated outbound connection is up.</summary>
    public bool HasOutboundConnection
    {
        get
        {
            lock (gate)
            {
                return outbound is { IsClosed: false };
            }
        }
    }

    /// <summary>Queues <paramref name="envelope"/> and wakes (or first starts) the outbound loop; false, after reporting the drop, when it will not be sent.</summary>
    public bool TryEnqueue(OutboundEnvelope envelope)
    {
        string? refusal = null;
        var started = false;
        lock (gate)
        {
            if (!accepting)
            {
                refusal = "the transport is shutting down or stopped.";
            }
            else if (envelope.TargetIncarnation is long target && incarnations.IsGone(target))
            {
                refusal = $"incarnation {target} of {Address} is gone.";
            }
            else if (!lanes.TryAdd(envelope))
            {
                refusal = $"the outbound queue is full ({lanes.Capacity} ordinary messages).";
            }
            else if (outboundLoop is null)
            {
                // Task.Run: the loop must not capture the caller's synchronization context.
                outboundLoop = Task.Run(RunOutboundAsync);
                started = true;
            }
        }

        if (refusal is not null)
        {
            Diagnostics.ReportDroppedOutbound(envelope.Recipient, envelope.TypeId, refusal);
            return false;
        }

        if (!started)
        {
            wake.Set();
        }

        return true;
    }

    /// <summary>
    /// Admits a connection whose handshake with <see cref="TcpConnection.Peer"/> completed: refused
    /// (the reason) when that incarnation is gone or quarantined; otherwise the peer's incarnation is
    /// recorded, and a newer one retires the old (event raised, its queued messages and connections dropped).
    /// </summary>
    /// <param name="connection">The connection, already marked authenticated.</param>
    /// <param name="previousInbound">For an inbound connection: the one it replaces, which the caller closes and waits for, so messages from one peer are delivered one at a time.</param>
    public string? Admit(TcpConnection connection, out TcpConnection? previousInbound)
    {
        var peer = connection.Peer!;
        previousInbound = null;
        CancellationTokenSource? redialNow = null;
        long? retired = null;
        var dropped = 0;
        List<TcpConnection>? stale = null;
        lock (gate)
        {
            if (transport.IsShuttingDown && connection.IsInbound)
            {
                return "this node is shutting down.";
            }

            if (incarnations.IsQuarantined(peer.Incarnation))
            {
                return $"incarnation {peer.Incarnation} of {Address} is quarantined.";
            }

            if (incarnations.IsGone(peer.Incarnation))
            {
                return $"incarnation {peer.Incarnation} of {Address} is gone (shut down or replaced by a newer one).";
            }

            retired = incarnations.Observe(peer.Incarnation);
            if (retired is long old)
            {
                dropped = lanes.RemoveTargeting(old);
                stale = ConnectionsOf(old);
            }

            if (connection.IsInbound)
            {
                previousInbound = inbound;
                inbound = connection;

                // The peer just reached us, so it is up now: waiting out a long redial backoff would
                // leave it unanswered (we only write on the connection we dial) for up to the maximum.
                redialNow = outbound is null ? backoffWait : null;
            }
            else
            {
                outbound = connection;
            }
        }

        if (retired is long gone)
        {
            Retire(gone, $"restarted as incarnation {peer.Incarnation}", dropped, stale);
        }

        try
        {
            redialNow?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The backoff ended on its own meanwhile; the loop is dialing already.
        }

        return null;
    }

    /// <summary>The inbound connection ended: forget it unless a newer one already replaced it.</summary>
    public void ReleaseInbound(TcpConnection connection)
    {
        lock (gate)
        {
            if (inbound == connection)
            {
                inbound = null;
            }
        }
    }

    /// <summary>The peer said it shut down: that incarnation is gone.</summary>
    /// <remarks>Its other connection is left open: the peer may still be flushing its last messages on it, and closes it with its own Close.</remarks>
    public void PeerShutDown(long incarnation, string reason)
    {
        int dropped;
        lock (gate)
        {
            if (!incarnations.MarkGone(incarnation))
            {
                return;
            }

            ForgetKeepConnectedLocked(incarnation);
            dropped = lanes.RemoveTargeting(incarnation);
        }

        Retire(incarnation, $"shut down: {reason}", dropped, stale: null);
    }

    /// <summary>Quarantines <paramref name="incarnation"/>: its queued messages are dropped, its connections closed, its handshakes refused from now on.</summary>
    public void Quarantine(long incarnation, string reason)
    {
        bool first;
        int dropped;
        List<TcpConnection>? stale;
        lock (gate)
        {
            first = incarnations.Quarantine(incarnation);
            ForgetKeepConnectedLocked(incarnation);
            dropped = lanes.RemoveTargeting(incarnation);
            stale = ConnectionsOf(incarnation);
        }

        Retire(incarnation, $"quarantined: {reason}", dropped, stale, raise: first);
    }

    /// <summary>Graceful stop: refuse new messages, let the loop flush the queue and say goodbye; completes when it is done.</summary>
    public Task DrainAsync()
    {
        lock (gate)
        {
            accepting = false;
            draining = true;
        }

        wake.Set();
        return outboundLoop ?? Task.CompletedTask;
    }

    /// <summary>Hard stop: refuse new messages and drop what is queued.</summary>
    public void Stop(string reason)
    {
        int dropped;
        lock (gate)
        {
            accepting = false;
            dropped = lanes.Clear();
        }

        ReportDropped(dropped, reason);
        wake.Set();
    }

    /// <summary>Wakes the outbound loop to look at its connection and queue again.</summary>
    public void Wake() => wake.Set();

    private List<TcpConnection>? ConnectionsOf(long incarnation)
    {
        List<TcpConnection>? found = null;
        foreach (var connection in (ReadOnlySpan<TcpConnection?>)[outbound, inbound])
        {
            if (connection?.Peer?.Incarnation == incarnation)
            {
                (found ??= []).Add(connection);
            }
        }

        return found;
    }

    private void Retire(long incarnation, string reason, int dropped, List<TcpConnection>? stale, bool raise = true)
    {
        foreach (var connection in stale ?? [])
        {
            connection.Close($"incarnation {incarnation} is gone ({reason}).");
        }

        ReportDropped(dropped, $"incarnation {incarnation} is gone ({reason}).");
        wake.Set();
        if (raise)
        {
            transport.RaiseIncarnationGone(Address, incarnation, reason);
        }
    }

    private void ReportDropped(int count, string reason)
    {
        if (count == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            Diagnostics.Counters.IncrementDroppedOutbound();
        }

        TcpLog.DroppedQueued(Diagnostics.Logger, Diagnostics.Peer, count, reason);
    }
}
