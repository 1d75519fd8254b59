using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>Every log line remoting writes about bad input, as source-generated logger messages naming the peer.</summary>
internal static partial class RemotingLog
{
    [LoggerMessage(101, LogLevel.Warning, "Malformed frame from {Peer} ({Error}): {Detail} Closing the connection.")]
    public static partial void MalformedFrame(ILogger logger, string peer, FrameError error, string detail);

    [LoggerMessage(102, LogLevel.Warning, "Oversized frame from {Peer}: {Detail} Closing the connection.")]
    public static partial void OversizedFrame(ILogger logger, string peer, string detail);

    [LoggerMessage(103, LogLevel.Warning, "Dropped a message from {Peer} to {Recipient}: type id '{TypeId}' is not registered on this node.")]
    public static partial void UnknownMessageType(ILogger logger, string peer, string recipient, string typeId);

    [LoggerMessage(104, LogLevel.Warning, "Dropped a message from {Peer} to {Recipient}: its '{TypeId}' payload does not deserialize: {Error}")]
    public static partial void UndeserializablePayload(ILogger logger, string peer, string recipient, string typeId, string error);

    [LoggerMessage(105, LogLevel.Warning, "Handshake with {Peer} failed ({Reason}): {Detail}")]
    public static partial void HandshakeFailed(ILogger logger, string peer, HandshakeRefusal reason, string detail);

    [LoggerMessage(106, LogLevel.Warning, "Dropped a '{TypeId}' message from {Peer}: no actor at {Recipient}.")]
    public static partial void UnknownRecipient(ILogger logger, string peer, string recipient, string typeId);

    [LoggerMessage(107, LogLevel.Warning, "Dropped an outbound '{TypeId}' message to {Recipient} at {Peer}: {Reason}")]
    public static partial void DroppedOutbound(ILogger logger, string peer, string recipient, string typeId, string reason);

    [LoggerMessage(108, LogLevel.Information, "Handshake with {Peer} accepted: node {NodeId}, incarnation {Incarnation}, software {SoftwareVersion}, wire protocol {ProtocolVersion}.")]
    public static partial void HandshakeAccepted(ILogger logger, string peer, string nodeId, long incarnation, string softwareVersion, int protocolVersion);

    [LoggerMessage(109, LogLevel.Warning, "Could not send a distress signal to {Peer}: {Reason}")]
    public static partial void DistressNotWritten(ILogger logger, string peer, string reason);

    [LoggerMessage(110, LogLevel.Warning, "Ignored a distress signal from {Peer} (node {NodeId}, incarnation {Incarnation}): it claims to come from node {ClaimedNodeId}, incarnation {ClaimedIncarnation}, but a node may only announce its own failure.")]
    public static partial void ForgedDistress(ILogger logger, string peer, string nodeId, long incarnation, string claimedNodeId, long claimedIncarnation);

    [LoggerMessage(111, LogLevel.Warning, "Distress signal from {Peer} (node {NodeId}, incarnation {Incarnation}): {Kind}: {Reason}")]
    public static partial void DistressReceived(ILogger logger, string peer, string nodeId, long incarnation, string kind, string reason);
}
