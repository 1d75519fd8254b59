using System.Text.Json.Serialization;

namespace ClusterActors.Management.Cluster;

/// <summary>The body of <c>GET /cluster/members</c>: this node's view of the membership, in Akka Management's shape.</summary>
public sealed record ClusterMembersResponse(
    [property: JsonPropertyName("selfNode")] string SelfNode,
    [property: JsonPropertyName("members")] IReadOnlyList<ClusterMemberResponse> Members,
    [property: JsonPropertyName("unreachable")] IReadOnlyList<UnreachableMemberResponse> Unreachable,
    [property: JsonPropertyName("leader")] string? Leader,
    [property: JsonPropertyName("oldest")] string? Oldest,
    [property: JsonPropertyName("oldestPerRole")] IReadOnlyDictionary<string, string> OldestPerRole,
    [property: JsonPropertyName("epoch")] long Epoch,
    [property: JsonPropertyName("crownPrince")] string? CrownPrince,
    [property: JsonPropertyName("hasQuorum")] bool HasQuorum,
    [property: JsonPropertyName("selfStatus")] string SelfStatus,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>One member of the committed cluster, also the body of <c>GET /cluster/members/{address}</c>.</summary>
public sealed record ClusterMemberResponse(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("nodeUid")] string NodeUid,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);

/// <summary>A member the failure detector misses, and the nodes that say so.</summary>
public sealed record UnreachableMemberResponse(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("observedBy")] IReadOnlyList<string> ObservedBy);

/// <summary>Source-generated JSON for the cluster membership routes (no reflection at run time).</summary>
[JsonSerializable(typeof(ClusterMembersResponse))]
[JsonSerializable(typeof(ClusterMemberResponse))]
public sealed partial class ClusterMembersJsonContext : JsonSerializerContext;
