using ClusterActors.Cluster.Membership;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Cluster.Transitions;

/// <summary>The sample subsystems' log lines (source-generated).</summary>
internal static partial class SubsystemLog
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "{Name} (level {Level}): {State} {Node}, barrier {Barrier}{Renotified}")]
    private static partial void NotifiedLine(ILogger logger, string name, int level, NodeTransitionState state, ClusterMember node, int barrier, string renotified);

    public static void Notified(ILogger logger, string name, int level, NodeTransitionState state, ClusterMember node, int barrier, bool renotification) =>
        NotifiedLine(logger, name, level, state, node, barrier, renotification ? " (re-notified: aborting the graceful work)" : "");

    [LoggerMessage(EventId = 4151, Level = LogLevel.Error, Message = "{Name} (level {Level}) was refused: {Reason}")]
    public static partial void Refused(ILogger logger, string name, int level, string reason);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Information, Message = "{Name} (level {Level}) de-registered: this node's graceful leave is done at this level")]
    public static partial void Deregistered(ILogger logger, string name, int level);

    [LoggerMessage(EventId = 4153, Level = LogLevel.Critical, Message = "{Name}: halted, this node was forced out: {Reason}")]
    public static partial void Halted(ILogger logger, string name, string reason);
}
