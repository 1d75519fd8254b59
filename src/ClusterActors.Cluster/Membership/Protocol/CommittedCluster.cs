using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ClusterActors.Cluster.Membership;

/// <summary>A cluster as committed by a reconfiguration: its epoch and its members, ordered by priority, highest first.</summary>
/// <remarks>Epoch 0 with no members is "no cluster yet" (a starting node's current cluster, SPEC M2).</remarks>
public sealed record CommittedCluster(long Epoch, ImmutableArray<ClusterMember> Members)
{
    /// <summary>No cluster: what a starting node holds.</summary>
    public static CommittedCluster None { get; } = new(0, []);

    /// <summary>True for <see cref="None"/>.</summary>
    [JsonIgnore]
    public bool IsEmpty => Members.IsDefaultOrEmpty;

    /// <summary>The highest-priority member (SPEC M8), or null for no cluster.</summary>
    [JsonIgnore]
    public ClusterMember? CrownPrince => IsEmpty ? null : Members[0];

    /// <summary>Creates a cluster whose members are put in priority order.</summary>
    public static CommittedCluster Of(long epoch, IEnumerable<ClusterMember> members) =>
        new(epoch, [.. members.Distinct().OrderByDescending(member => member.Priority)]);

    /// <summary>True when <paramref name="member"/> (this very run) is a member.</summary>
    public bool Contains(ClusterMember member) => !IsEmpty && Members.Contains(member);

    /// <summary>Same epoch and the same members.</summary>
    public bool SameAs(CommittedCluster other) =>
        other is not null && Epoch == other.Epoch && SameMembers(Members, other.Members);

    /// <summary>True when both lists hold the same runs (order ignored).</summary>
    public static bool SameMembers(ImmutableArray<ClusterMember> left, ImmutableArray<ClusterMember> right) =>
        left.IsDefaultOrEmpty ? right.IsDefaultOrEmpty
        : !right.IsDefaultOrEmpty && left.Length == right.Length && left.All(right.Contains);

    /// <summary>Orders clusters for choosing the base of a reconfiguration: newer epoch first, then the higher crown prince.</summary>
    /// <remarks>
    /// Two clusters with the same epoch but different members only arise from the isolation policy
    /// "form" (two halves formed apart, SPEC M3); every node must still pick the same base, so the
    /// crown prince and then the member list break the tie the same way everywhere.
    /// </remarks>
    public static int CompareForBase(CommittedCluster left, CommittedCluster right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var byEpoch = left.Epoch.CompareTo(right.Epoch);
        if (byEpoch != 0 || left.IsEmpty || right.IsEmpty)
        {
            return byEpoch != 0 ? byEpoch : left.IsEmpty.CompareTo(right.IsEmpty) * -1;
        }

        var byCrown = left.CrownPrince!.Priority.CompareTo(right.CrownPrince!.Priority);
        return byCrown != 0 ? byCrown : string.CompareOrdinal(Describe(left), Describe(right));
    }

    /// <summary>A compact text for logs: <c>epoch 4 [node3, node2, node1]</c>.</summary>
    public static string Describe(CommittedCluster cluster) =>
        cluster is null || cluster.IsEmpty ? "no cluster" : $"epoch {cluster.Epoch} [{string.Join(", ", cluster.Members)}]";

    /// <inheritdoc />
    public override string ToString() => Describe(this);
}
