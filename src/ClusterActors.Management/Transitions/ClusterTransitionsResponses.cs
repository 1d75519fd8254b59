using System.Text.Json.Serialization;

namespace ClusterActors.Management.Transitions;

/// <summary>The body of <c>GET /cluster/transitions</c>: the levels, every node's transition state, and the nodes in a transition.</summary>
public sealed record ClusterTransitionsResponse(
    [property: JsonPropertyName("answeredBy")] string AnsweredBy,
    [property: JsonPropertyName("sequencer")] string? Sequencer,
    [property: JsonPropertyName("epoch")] long Epoch,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("levels")] IReadOnlyList<TransitionLevelResponse> Levels,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeTransitionResponse> Nodes,
    [property: JsonPropertyName("transitional")] IReadOnlyList<NodeTransitionResponse> Transitional,
    [property: JsonPropertyName("messagesSent")] long MessagesSent);

/// <summary>One level of the global ordering: its subsystems (node id / name) and its barriers.</summary>
public sealed record TransitionLevelResponse(
    [property: JsonPropertyName("level")] int Level,
    [property: JsonPropertyName("subsystems")] IReadOnlyList<string> Subsystems,
    [property: JsonPropertyName("barriers")] TransitionBarriersResponse Barriers);

/// <summary>How many barriers a level asks for per transition.</summary>
public sealed record TransitionBarriersResponse(
    [property: JsonPropertyName("joining")] int Joining,
    [property: JsonPropertyName("leaving")] int Leaving,
    [property: JsonPropertyName("forcedLeaving")] int ForcedLeaving);

/// <summary>One node's transition state; <c>node</c> is its address as <c>/cluster/members</c> writes it, enums are their names.</summary>
public sealed record NodeTransitionResponse(
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

/// <summary>Source-generated JSON for the transitions route (no reflection at run time).</summary>
[JsonSerializable(typeof(ClusterTransitionsResponse))]
public sealed partial class ClusterTransitionsJsonContext : JsonSerializerContext;
