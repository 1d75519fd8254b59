using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Distress: written synchronously on the connection this node dialed; received on the connections peers dialed, checked against the authenticated peer.</summary>
public sealed partial class TcpTransport
{
    /// <inheritdoc />
    /// <remarks>
    /// Writes with a blocking send on the connection this node dialed to <paramref name="target"/>, under
    /// that connection's write gate (so it never lands inside a frame the writer loop is flushing), ahead
    /// of messages still queued. A send that fails or times out closes the connection, since part of the
    /// frame may be on the wire. With a fault injector, a blackholed link refuses it; the other faults
    /// (drop, delay, duplicate, reorder) apply to routed messages only. A frame longer than this node's
    /// <see cref="TcpTransportSettings.MaxFrameSize"/> is refused, since a peer with the same settings would close on it.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The transport has not started.</exception>
    public bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        DistressCodec.RequireFrame(frame, nameof(frame));
        DistressCodec.RequireTimeout(timeout, nameof(timeout));
        RequireStarted();
        var refusal = IsStopped ? "the transport has stopped."
            : target.Equals(LocalIdentity.Address) ? "the target is this node itself."
            : frame.Length - FrameLimits.LengthPrefixSize > Settings.MaxFrameSize ? $"the frame's {frame.Length - FrameLimits.LengthPrefixSize}-byte body exceeds the maximum frame size of {Settings.MaxFrameSize}."
            : Settings.Faults?.FaultsOn(LocalIdentity.Address, target).Blackholed == true ? "the fault injector blackholes the link."
            : null;
        if (refusal is null && associations.TryGetValue(target, out var association))
        {
            return association.WriteDistress(frame, timeout);
        }

        new PeerDiagnostics(Counters, Logger, target.ToString()).ReportDistressNotWritten(refusal ?? "no connection to it is open (a dying node does not dial; call EnsureConnected ahead of time).");
        return false;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Starts (or wakes) the outbound loop of <paramref name="target"/> even with nothing queued; it then
    /// keeps a connection open, redialing with backoff when it breaks, until that peer's run is gone
    /// (shut down or quarantined) or this transport stops. Nothing happens for this node's own address
    /// or once the transport is shutting down.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The transport has not started.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a remote address in canonical form.</exception>
    public void EnsureConnected(Address target)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireStarted();
        if (IsShuttingDown || target.Equals(LocalIdentity.Address))
        {
            return;
        }

        AssociationFor(target).EnsureConnected();
    }

    /// <summary>A Distress frame on a connection the peer dialed: raised when it names exactly the authenticated peer, counted as forged otherwise.</summary>
    private void ReceiveDistress(TcpConnection connection, NodeIdentity peer, FrameDecoder decoder, in Frame frame)
    {
        var notice = decoder.ReadDistress(frame);
        var diagnostics = connection.Diagnostics;
        if (notice.NodeId != peer.NodeId || notice.Incarnation != peer.Incarnation)
        {
            diagnostics.ReportForgedDistress(peer, notice);
            return;
        }

        diagnostics.ReportDistressReceived(peer, notice);
        try
        {
            events!.OnDistress(peer, diagnostics, notice);
        }
        catch (Exception error)
        {
            TcpLog.EventHandlerFailed(Logger, diagnostics.Peer, error);
        }
    }
}
