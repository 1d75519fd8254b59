using Microsoft.Extensions.Logging;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The log lines of the membership databases (source-generated, so a disabled level costs nothing).</summary>
internal static partial class MembershipDatabaseLog
{
    /// <summary>Logs a write of an observer's view as saved or, naming the newer stored view, as ignored.</summary>
    public static void TransitionStatesWrite(this ILogger logger, TransitionStatesRecord states, StoredView stored, string store)
    {
        if (stored.Epoch == states.Epoch && stored.Sequence == states.Sequence)
        {
            logger.TransitionStatesSaved(states.ObserverNodeId, states.States.Count, states.Epoch, states.Sequence, store);
        }
        else
        {
            logger.StaleTransitionStatesIgnored(states.ObserverNodeId, states.Epoch, states.Sequence, stored.Epoch, stored.Sequence, store);
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Membership-database tables ensured on {Store}")]
    public static partial void TablesEnsured(this ILogger logger, string store);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Configuration of node {NodeId} saved (address {ClusterAddress}, incarnation {Incarnation}, epoch {Epoch}) on {Store}")]
    public static partial void NodeSaved(this ILogger logger, string nodeId, string clusterAddress, long incarnation, long epoch, string store);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Transition states of observer {ObserverNodeId} replaced by {Count} states of epoch {Epoch}, sequence {Sequence} on {Store}")]
    public static partial void TransitionStatesSaved(this ILogger logger, string observerNodeId, int count, long epoch, long sequence, string store);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Transition states of observer {ObserverNodeId} from epoch {Epoch}, sequence {Sequence} ignored: {Store} holds the newer epoch {StoredEpoch}, sequence {StoredSequence}")]
    public static partial void StaleTransitionStatesIgnored(this ILogger logger, string observerNodeId, long epoch, long sequence, long storedEpoch, long storedSequence, string store);
}
