using System.Collections.Immutable;

namespace ClusterActors.Cluster.Membership;

/// <summary>
/// The reconfiguration message (SPEC M2, M5, M7): "I take part in the reconfiguration that will commit
/// <paramref name="Epoch"/>; this is my current cluster". Every node of a round sends one to every
/// node it knows; the nodes it hears from within the timeout form its prospective cluster.
/// </summary>
/// <param name="Epoch">The epoch the round would commit; a node joins the highest round it hears of.</param>
/// <param name="Sender">The sending run.</param>
/// <param name="SenderCluster">The sender's current cluster (claim 1: the existing cluster travels to every participant).</param>
/// <param name="Departing">Runs to leave out of the new cluster whether or not they answer: a voluntary leave (SPEC M7), an operator's down, or a distress signal.</param>
/// <param name="Distressed">
/// The runs among <paramref name="Departing"/> that sent a distress signal (SPEC S6): they failed, so quorum counts
/// them as departed, not as lost votes, and presence does not wait for them. A node that did not receive the
/// distress itself learns it here and judges the same way. Default (a sender that predates the field) means none.
/// </param>
public sealed record Reconfigure(long Epoch, ClusterMember Sender, CommittedCluster SenderCluster, ImmutableArray<ClusterMember> Departing, ImmutableArray<ClusterMember> Distressed);

/// <summary>
/// The petition (SPEC M4, M5): the sender's prospective cluster for round <paramref name="Epoch"/>, judged
/// against <paramref name="Base"/>. A round commits at a node only when every proposed member sent the
/// same proposal.
/// </summary>
public sealed record Proposal(long Epoch, ClusterMember Sender, CommittedCluster Base, ImmutableArray<ClusterMember> Members);

/// <summary>Tells <paramref name="Run"/> that a cluster holding quorum excluded it at <paramref name="Epoch"/>: it must stop (SPEC M9, M10).</summary>
/// <remarks>The run is named because the notice goes to an address: a newer run there must not take it for itself.</remarks>
public sealed record Excluded(long Epoch, ClusterMember Run, ClusterMember By, string Reason);

/// <summary>Asks a member to leave the cluster voluntarily (an operator's <c>DELETE /cluster/members/{address}</c> sent to another node).</summary>
public sealed record PleaseLeave(ClusterMember RequestedBy);

/// <summary>Published on the local event stream each time this node commits a new cluster.</summary>
/// <param name="Cluster">The new current cluster.</param>
/// <param name="Previous">The cluster it replaces.</param>
/// <param name="Self">This node's run.</param>
/// <param name="MessagesSent">Reconfiguration and proposal messages this node sent in the round that committed (for the benchmarks' messages per reconfiguration).</param>
public sealed record MembershipChanged(CommittedCluster Cluster, CommittedCluster Previous, ClusterMember Self, int MessagesSent)
{
    /// <summary>Members of the new cluster that were not in the previous one.</summary>
    public IEnumerable<ClusterMember> Joined => Cluster.Members.Where(member => !Previous.Contains(member));

    /// <summary>Members of the previous cluster that are not in the new one.</summary>
    public IEnumerable<ClusterMember> Left => Previous.IsEmpty ? [] : Previous.Members.Where(member => !Cluster.Contains(member));
}

/// <summary>Published on the local event stream when this node stops serving: it lost quorum or was excluded (SPEC M10).</summary>
public sealed record MembershipStopped(ClusterMember Self, long Epoch, string Reason, bool Excluded);
