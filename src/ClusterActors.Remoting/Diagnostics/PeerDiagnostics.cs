using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>Where one connection reports what it saw: the node's shared <see cref="RemotingCounters"/> and a log whose lines name the peer.</summary>
/// <remarks>
/// Each Report method counts and logs one bad input; code that detects a problem calls it exactly once
/// and then throws or returns a refusal, so callers drop the input without logging it again.
/// </remarks>
public sealed class PeerDiagnostics
{
    /// <summary>Creates the diagnostics of a connection to <paramref name="peer"/> (an endpoint before the handshake, the peer's address after it).</summary>
    public PeerDiagnostics(RemotingCounters counters, ILogger logger, string peer)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrEmpty(peer);
        Counters = counters;
        Logger = logger;
        Peer = peer;
    }

    /// <summary>The node's counters, shared by all its connections.</summary>
    public RemotingCounters Counters { get; }

    /// <summary>The log the reports go to.</summary>
    public ILogger Logger { get; }

    /// <summary>How the peer is named in logs and errors.</summary>
    public string Peer { get; }

    /// <summary>The same counters and log, naming another peer (e.g. the authenticated address once the handshake is done).</summary>
    public PeerDiagnostics ForPeer(string peer) => new(Counters, Logger, peer);

    /// <summary>Counts and logs a frame that closes its connection: oversized ones in <see cref="RemotingCounters.OversizedFrames"/>, the rest in <see cref="RemotingCounters.MalformedFrames"/>.</summary>
    public void ReportMalformedFrame(MalformedFrameException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Error == FrameError.Oversized)
        {
            Counters.IncrementOversizedFrames();
            RemotingLog.OversizedFrame(Logger, Peer, error.Detail);
        }
        else
        {
            Counters.IncrementMalformedFrames();
            RemotingLog.MalformedFrame(Logger, Peer, error.Error, error.Detail);
        }
    }

    /// <summary>Counts and logs a message whose type id is not registered.</summary>
    public void ReportUnknownMessageType(string recipient, string typeId)
    {
        Counters.IncrementUnknownMessageTypes();
        RemotingLog.UnknownMessageType(Logger, Peer, recipient, typeId);
    }

    /// <summary>Counts and logs a message whose payload did not deserialize.</summary>
    public void ReportUndeserializablePayload(string recipient, string typeId, string error)
    {
        Counters.IncrementUndeserializablePayloads();
        RemotingLog.UndeserializablePayload(Logger, Peer, recipient, typeId, error);
    }

    /// <summary>Counts and logs a refused handshake.</summary>
    public void ReportHandshakeFailure(HandshakeRefusal reason, string detail)
    {
        Counters.IncrementHandshakeFailures();
        RemotingLog.HandshakeFailed(Logger, Peer, reason, detail);
    }

    /// <summary>Counts and logs a message for an actor that does not exist here.</summary>
    public void ReportUnknownRecipient(string recipient, string typeId)
    {
        Counters.IncrementUnknownRecipients();
        RemotingLog.UnknownRecipient(Logger, Peer, recipient, typeId);
    }

    /// <summary>Counts and logs an outbound message that will not reach the wire.</summary>
    public void ReportDroppedOutbound(string recipient, string typeId, string reason)
    {
        Counters.IncrementDroppedOutbound();
        RemotingLog.DroppedOutbound(Logger, Peer, recipient, typeId, reason);
    }

    /// <summary>Counts and logs a distress frame that was not written to this peer (or, in memory, was lost on its way).</summary>
    public void ReportDistressNotWritten(string reason)
    {
        Counters.IncrementDistressWriteFailures();
        RemotingLog.DistressNotWritten(Logger, Peer, reason);
    }

    /// <summary>Counts and logs a distress frame from the authenticated <paramref name="sender"/> that claims to come from another node or run.</summary>
    public void ReportForgedDistress(NodeIdentity sender, DistressNotice notice)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(notice);
        Counters.IncrementForgedDistressFrames();
        RemotingLog.ForgedDistress(Logger, Peer, sender.NodeId, sender.Incarnation, notice.NodeId, notice.Incarnation);
    }

    internal void ReportDistressReceived(NodeIdentity sender, DistressNotice notice) =>
        RemotingLog.DistressReceived(Logger, Peer, sender.NodeId, sender.Incarnation, notice.Kind, notice.Reason);

    internal void ReportHandshakeAccepted(NodeIdentity peer, int protocolVersion) =>
        RemotingLog.HandshakeAccepted(Logger, Peer, peer.NodeId, peer.Incarnation, peer.SoftwareVersion, protocolVersion);

    internal void CountFrameIn() => Counters.IncrementFramesIn();

    internal void CountFrameOut() => Counters.IncrementFramesOut();
}
