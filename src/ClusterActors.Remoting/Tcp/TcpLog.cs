using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>The TCP transport's own log lines (bad input is logged by <see cref="PeerDiagnostics"/>), as source-generated logger messages.</summary>
internal static partial class TcpLog
{
    [LoggerMessage(201, LogLevel.Information, "Listening on {Endpoint} as {Address} (node {NodeId}, incarnation {Incarnation}).")]
    public static partial void Listening(ILogger logger, string endpoint, string address, string nodeId, long incarnation);

    [LoggerMessage(202, LogLevel.Information, "{Direction} association with {Peer} up: node {NodeId}, incarnation {Incarnation}.")]
    public static partial void AssociationUp(ILogger logger, string direction, string peer, string nodeId, long incarnation);

    [LoggerMessage(203, LogLevel.Information, "{Direction} association with {Peer} down: {Reason}")]
    public static partial void AssociationDown(ILogger logger, string direction, string peer, string reason);

    [LoggerMessage(204, LogLevel.Debug, "Reconnecting to {Peer} in {Delay} (reconnect attempt {Attempt}).")]
    public static partial void Reconnecting(ILogger logger, string peer, TimeSpan delay, int attempt);

    [LoggerMessage(205, LogLevel.Debug, "Could not connect to {Peer}: {Error}")]
    public static partial void ConnectFailed(ILogger logger, string peer, string error);

    [LoggerMessage(206, LogLevel.Debug, "Ignored a {Kind} frame from {Peer}: no protocol for it is running on this node yet.")]
    public static partial void UnexpectedFrame(ILogger logger, string peer, FrameKind kind);

    [LoggerMessage(207, LogLevel.Information, "{Address} incarnation {Incarnation} is gone: {Reason}")]
    public static partial void IncarnationGone(ILogger logger, string address, long incarnation, string reason);

    [LoggerMessage(208, LogLevel.Warning, "Dropped {Count} queued outbound messages to {Peer}: {Reason}")]
    public static partial void DroppedQueued(ILogger logger, string peer, int count, string reason);

    [LoggerMessage(209, LogLevel.Information, "{Peer} closed the connection ({Code}): {Reason}")]
    public static partial void PeerClosed(ILogger logger, string peer, CloseCode code, string reason);

    [LoggerMessage(210, LogLevel.Error, "The transport's event handler threw on a message from {Peer}; the message is lost, the connection stays.")]
    public static partial void EventHandlerFailed(ILogger logger, string peer, Exception error);

    [LoggerMessage(211, LogLevel.Warning, "Accepting connections on {Endpoint} failed: {Error}")]
    public static partial void AcceptFailed(ILogger logger, string endpoint, string error);

    [LoggerMessage(212, LogLevel.Debug, "Connection with {Peer} lost: {Error}")]
    public static partial void ConnectionLost(ILogger logger, string peer, string error);

    [LoggerMessage(214, LogLevel.Error, "The outbound loop to {Peer} failed; its queue is dropped and the next send starts a new one.")]
    public static partial void OutboundLoopFailed(ILogger logger, string peer, Exception error);

    [LoggerMessage(213, LogLevel.Information, "Transport {Address} {What}.")]
    public static partial void Stopped(ILogger logger, string address, string what);
}
