using System.Text.Json.Serialization;

namespace ClusterActors.Cli.Management;

/// <summary>What clusterctl reads of <c>GET /cluster/members</c> (its own copy: the CLI does not reference the cluster project).</summary>
public sealed record MembersView(
    [property: JsonPropertyName("selfNode")] string SelfNode,
    [property: JsonPropertyName("members")] IReadOnlyList<MemberView> Members,
    [property: JsonPropertyName("unreachable")] IReadOnlyList<UnreachableView> Unreachable,
    [property: JsonPropertyName("epoch")] long Epoch,
    [property: JsonPropertyName("crownPrince")] string? CrownPrince,
    [property: JsonPropertyName("hasQuorum")] bool HasQuorum,
    [property: JsonPropertyName("selfStatus")] string SelfStatus,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>One member as <c>GET /cluster/members</c> lists it.</summary>
public sealed record MemberView(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("nodeUid")] string NodeUid,
    [property: JsonPropertyName("status")] string Status);

/// <summary>An unreachable member and who observed it.</summary>
public sealed record UnreachableView(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("observedBy")] IReadOnlyList<string> ObservedBy);

/// <summary>The <c>{"message": "…"}</c> body of every management answer that is not data.</summary>
public sealed record ServerMessage([property: JsonPropertyName("message")] string Message);

/// <summary>Source-generated JSON for clusterctl's management calls; a missing or null required field is an error, not a blank.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MembersView))]
[JsonSerializable(typeof(ServerMessage))]
public sealed partial class ClusterCtlJsonContext : JsonSerializerContext;
