namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The persistent configuration of one node, indexed by node id: what a node needs to boot and rejoin.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="ClusterAddress">Where the node's cluster transport listens.</param>
/// <param name="ManagementUrl">Its management endpoint, or null when it has none.</param>
/// <param name="LastIncarnation">The incarnation of its last run (a restart takes a higher one).</param>
/// <param name="LastEpoch">The last membership epoch it took part in.</param>
/// <param name="UpdatedAt">When the row was written; the databases keep it in UTC to the microsecond.</param>
public sealed record NodeConfigurationRecord(
    string NodeId,
    string ClusterAddress,
    string? ManagementUrl,
    long LastIncarnation,
    long LastEpoch,
    DateTimeOffset UpdatedAt);
