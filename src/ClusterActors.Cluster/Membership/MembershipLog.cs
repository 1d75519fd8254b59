using Microsoft.Extensions.Logging;

namespace ClusterActors.Cluster.Membership;

/// <summary>The membership coordinator's log lines (source-generated).</summary>
internal static partial class MembershipLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "{Self}: no seed nodes configured; forming a one-node cluster")]
    public static partial void FormingAlone(ILogger logger, ClusterMember self);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{Self}: reconfiguration for epoch {Epoch} started: {Trigger}")]
    public static partial void RoundStarted(ILogger logger, ClusterMember self, long epoch, string trigger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "{Self}: epoch {Epoch} proposes {Proposed} on {Base} ({Silent} asked nodes silent)")]
    public static partial void PresenceClosed(ILogger logger, ClusterMember self, long epoch, System.Collections.Immutable.ImmutableArray<ClusterMember> proposed, CommittedCluster @base, int silent);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "{Self}: membership epoch {Epoch} agreed: {Count} members {Members} ({Messages} messages sent by this node)")]
    public static partial void Committed(ILogger logger, ClusterMember self, long epoch, int count, System.Collections.Immutable.ImmutableArray<ClusterMember> members, int messages);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "{Self}: reconfiguration for epoch {Epoch} aborted: {Why}")]
    public static partial void Aborted(ILogger logger, ClusterMember self, long epoch, string why);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "{Self}: stopped, serving nothing: {Why}")]
    public static partial void Stopped(ILogger logger, ClusterMember self, string why);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "{Self}: race for device {Device} to succeed the pair of epoch {Epoch}: reserved={Reserved}, holder {Holder}")]
    public static partial void Race(ILogger logger, ClusterMember self, string device, long epoch, bool reserved, string holder);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "{Self}: device {Device} failed to {Operation}")]
    public static partial void DeviceFailed(ILogger logger, Exception error, ClusterMember self, string device, string operation);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "{Self}: left the cluster at epoch {Epoch} ({Why})")]
    public static partial void Left(ILogger logger, ClusterMember self, long epoch, string why);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "{Self}: {Run} sent a distress signal ({Kind}: {Reason}); it failed, reconfiguring without it at once")]
    public static partial void MemberDistressed(ILogger logger, ClusterMember self, ClusterMember run, string kind, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "{Self}: distress signal of {Run} ({Kind}: {Reason}) ignored: {Why}")]
    public static partial void DistressIgnored(ILogger logger, ClusterMember self, ClusterMember run, string kind, string reason, string why);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "{Self}: this run sent a distress signal ({Kind}: {Reason}); giving up membership at epoch {Epoch} for good")]
    public static partial void OwnDistressSent(ILogger logger, ClusterMember self, string kind, string reason, long epoch);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Debug, Message = "{Self}: another distress signal sent ({Kind}: {Reason}); this run is already offline")]
    public static partial void OwnDistressRepeated(ILogger logger, ClusterMember self, string kind, string reason);
}
