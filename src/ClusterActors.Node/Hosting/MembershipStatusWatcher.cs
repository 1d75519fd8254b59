using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Management.Health;

namespace ClusterActors.Node.Hosting;

/// <summary>Turns membership events into the node's readiness, and shuts the node down when the cluster excluded it (SPEC M10).</summary>
/// <remarks>
/// An excluded run can never come back (the members refuse it), so the process ends with its own exit
/// code and a supervisor starts a new run, which petitions as a new incarnation.
/// </remarks>
internal sealed class MembershipStatusWatcher : ReceiveActor
{
    public MembershipStatusWatcher(NodeReadiness readiness)
    {
        Receive<MembershipChanged>(changed => readiness.MarkReady());
        Receive<MembershipStopped>(stopped =>
        {
            readiness.MarkNotReady(NotReadyReason(stopped));
            if (stopped.Excluded)
            {
                _ = Context.System.CoordinatedShutdown.Run(ShutdownReason.ClusterDowning);
            }
        });
    }

    /// <summary>The readiness text for a snapshot that is not serving (null when it serves).</summary>
    public static string? NotReadyReason(ClusterStateSnapshot state) =>
        state.HasQuorum ? null : $"Not serving ({state.Status}): {state.Reason ?? "no cluster yet"}";

    private static string NotReadyReason(MembershipStopped stopped) =>
        stopped.Excluded ? $"Excluded from the cluster: {stopped.Reason}" : $"No quorum: {stopped.Reason}";
}
