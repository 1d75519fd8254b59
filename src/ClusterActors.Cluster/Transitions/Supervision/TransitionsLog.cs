using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Cluster.Transitions;

/// <summary>The transition supervisor's log lines (source-generated).</summary>
internal static partial class TransitionsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "{Self}: subsystem {Name} registered at level {Level} ({Barriers})")]
    public static partial void Registered(ILogger logger, ClusterMember self, string name, int level, TransitionBarriers barriers);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "{Self}: subsystem {Name} at level {Level} refused: {Reason}")]
    public static partial void RegistrationRefused(ILogger logger, ClusterMember self, string name, int level, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "{Node}: registrations refused by the sequencer: {Reason}")]
    public static partial void RegistrationsRefused(ILogger logger, ClusterMember node, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "{Self}: sequencing the transitions from epoch {Epoch} (carrying on from table {TableEpoch}.{TableSequence})")]
    public static partial void Sequencing(ILogger logger, ClusterMember self, long epoch, long tableEpoch, long tableSequence);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "{Self}: level {Level} notified to {Subsystems} subsystems: {Steps}")]
    public static partial void Notified(ILogger logger, ClusterMember self, int level, int subsystems, ImmutableArray<TransitionStep> steps);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "{Self}: acknowledgement of unknown notice {NoticeId} from {Sender} ignored")]
    public static partial void UnexpectedAcknowledgement(ILogger logger, ClusterMember self, long noticeId, ActorPath sender);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "{Self}: not the sequencer; {Input} ignored")]
    public static partial void NotSequencer(ILogger logger, ClusterMember self, object input);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "{Self}: round of replaced sequencer {Sequencer} (epoch {Epoch} < {Current}) ignored")]
    public static partial void StaleRound(ILogger logger, ClusterMember self, ClusterMember sequencer, long epoch, long current);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Critical, Message = "{Self}: forced out of the cluster, halting all transition work: {Reason}")]
    public static partial void Halted(ILogger logger, ClusterMember self, string reason);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "{Self}: subsystem {Name} de-registered: level {Level} finished this node's graceful leave")]
    public static partial void Deregistered(ILogger logger, ClusterMember self, string name, int level);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "{Self}: graceful leave of {Node} refused: {Reason}")]
    public static partial void LeaveRefused(ILogger logger, ClusterMember self, ClusterMember node, string reason);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "{Self}: every level on every member processed this node's graceful leave; leaving the membership")]
    public static partial void LeaveFinished(ILogger logger, ClusterMember self);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "{Self}: membership answered {Outcome}: {Message}")]
    public static partial void MembershipAnswered(ILogger logger, ClusterMember self, MembershipCommandOutcome outcome, string message);
}
