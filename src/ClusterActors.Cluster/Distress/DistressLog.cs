using ClusterActors.Cluster.Membership;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Cluster.Distress;

/// <summary>The distress coordinator's log lines (source-generated).</summary>
internal static partial class DistressLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "{Self}: distress frame of {Bytes} bytes built; the sender thread is waiting")]
    public static partial void Ready(ILogger logger, ClusterMember self, int bytes);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Critical, Message = "{Self}: distress sent ({Way}, kind {Kind}): {Reason}; giving up every role")]
    public static partial void Sent(ILogger logger, ClusterMember self, DistressWay way, string kind, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "{Self}: distress written to {Written} members")]
    public static partial void Written(ILogger logger, ClusterMember self, int written);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "{Self}: distress from member {Sender} (kind {Kind}): {Reason}; it failed, reconfiguring now")]
    public static partial void Received(ILogger logger, ClusterMember self, ClusterMember sender, string kind, string reason);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "{Self}: ignored a distress from {NodeId} run {Incarnation} at {From} (kind {Kind}): not a member of the current cluster")]
    public static partial void NotAMember(ILogger logger, ClusterMember self, string nodeId, long incarnation, ClusterActors.Actors.Address from, string kind);
}
