namespace ClusterActors.Node.Hosting;

/// <summary>The node host's log lines (source-generated: no formatting cost when the level is off).</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Node {System} started; management at {Urls}")]
    public static partial void Started(ILogger logger, string system, IEnumerable<string> urls);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Actor system {System} is up at {Address} as node {NodeId}, incarnation {Incarnation}")]
    public static partial void ActorSystemUp(ILogger logger, string system, ClusterActors.Actors.Address address, string nodeId, long incarnation);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Actor system {System} terminated after an ordered shutdown ({Reason})")]
    public static partial void ActorSystemTerminated(ILogger logger, string system, ClusterActors.Actors.ShutdownReason? reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Membership database ({Provider}) open: {Known} nodes configured; this node's previous run {PreviousIncarnation}, last epoch {PreviousEpoch}")]
    public static partial void MembershipDatabaseOpened(ILogger logger, ClusterActors.Persistence.MembershipDatabase.MembershipDatabaseProvider provider, int known, long? previousIncarnation, long? previousEpoch);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The graceful leave did not pass every level on every member within {Timeout}; leaving the membership anyway (the others force this node out)")]
    public static partial void GracefulLeaveTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "SIGPWR: the power failed; distress sent {Way} to {Members} members, shutting down")]
    public static partial void PowerFailure(ILogger logger, ClusterActors.Cluster.Distress.DistressWay way, int members);
}
