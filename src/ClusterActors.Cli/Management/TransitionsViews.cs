using System.Text.Json.Serialization;

namespace ClusterActors.Cli.Management;

/// <summary>What clusterctl reads of <c>GET /cluster/transitions</c> (its own copy, as for the members view).</summary>
public sealed record TransitionsView(
    [property: JsonPropertyName("answeredBy")] string AnsweredBy,
    [property: JsonPropertyName("sequencer")] string? Sequencer,
    [property: JsonPropertyName("epoch")] long Epoch,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("levels")] IReadOnlyList<TransitionLevelRow> Levels,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeTransitionRow> Nodes);

/// <summary>One level as <c>GET /cluster/transitions</c> lists it.</summary>
public sealed record TransitionLevelRow(
    [property: JsonPropertyName("level")] int Level,
    [property: JsonPropertyName("subsystems")] IReadOnlyList<string> Subsystems,
    [property: JsonPropertyName("barriers")] TransitionBarrierCounts Barriers);

/// <summary>A level's barrier counts for joining, leaving and forced leaving.</summary>
public sealed record TransitionBarrierCounts(
    [property: JsonPropertyName("joining")] int Joining,
    [property: JsonPropertyName("leaving")] int Leaving,
    [property: JsonPropertyName("forcedLeaving")] int ForcedLeaving);

/// <summary>One node's transition state as <c>GET /cluster/transitions</c> lists it.</summary>
public sealed record NodeTransitionRow(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("nodeId")] string NodeId,
    [property: JsonPropertyName("incarnation")] long Incarnation,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("transition")] string? Transition,
    [property: JsonPropertyName("level")] int? Level,
    [property: JsonPropertyName("barrier")] int? Barrier,
    [property: JsonPropertyName("acknowledged")] IReadOnlyList<string> Acknowledged,
    [property: JsonPropertyName("awaiting")] IReadOnlyList<string> Awaiting,
    [property: JsonPropertyName("deregisteredLevels")] IReadOnlyList<int> DeregisteredLevels,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>Source-generated JSON for <c>clusterctl transitions</c>; a missing or null required field is an error, not a blank.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TransitionsView))]
public sealed partial class TransitionsJsonContext : JsonSerializerContext;
