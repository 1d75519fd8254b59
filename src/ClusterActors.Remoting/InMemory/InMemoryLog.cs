using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>The log lines of the in-memory transport, as source-generated logger messages.</summary>
internal static partial class InMemoryLog
{
    [LoggerMessage(401, LogLevel.Information, "In-memory node {Address} bound (node {NodeId}, incarnation {Incarnation}).")]
    public static partial void Bound(ILogger logger, string address, string nodeId, long incarnation);

    [LoggerMessage(402, LogLevel.Information, "In-memory node {Address} (incarnation {Incarnation}) {How}.")]
    public static partial void Stopped(ILogger logger, string address, long incarnation, string how);

    [LoggerMessage(403, LogLevel.Information, "Incarnation {Incarnation} of {Peer} is gone: {Reason}")]
    public static partial void IncarnationGone(ILogger logger, string peer, long incarnation, string reason);

    [LoggerMessage(404, LogLevel.Error, "The transport events handler failed on a call about {Peer}.")]
    public static partial void EventHandlerFailed(ILogger logger, string peer, Exception error);
}
