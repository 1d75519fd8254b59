using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>What one node answered to <c>GET /cluster/members</c>: its view of the cluster, or why there is none.</summary>
/// <param name="Node">The node asked.</param>
/// <param name="View">Its answer, or null when it gave none that could be read.</param>
/// <param name="Problem">Why there is no view (not answering, 404, unreadable JSON), or null.</param>
/// <param name="Timestamp">When the answer arrived, on the watch's <see cref="TimeProvider"/>.</param>
public sealed record MembershipReading(LocalNode Node, MembersView? View, string? Problem, long Timestamp)
{
    /// <summary>True when the node says it is an Up member.</summary>
    public bool IsUp => View is not null && MembershipGoal.IsUp(View.SelfStatus);
}
