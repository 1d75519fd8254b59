using System.Text.Json.Serialization;

namespace ClusterActors.Management.Distress;

/// <summary>The body of <c>POST /node/distress</c>: the failure kind (it picks the way) and a reason for the log.</summary>
public sealed record NodeDistressRequest(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>What <c>POST /node/distress</c> did: the way taken, how many members it goes to, and (sync) to how many it was written.</summary>
public sealed record NodeDistressResponse(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("way")] string Way,
    [property: JsonPropertyName("members")] int Members,
    [property: JsonPropertyName("written")] int? Written,
    [property: JsonPropertyName("message")] string Message);

/// <summary>Source-generated JSON for the distress route.</summary>
[JsonSerializable(typeof(NodeDistressRequest))]
[JsonSerializable(typeof(NodeDistressResponse))]
public sealed partial class NodeDistressJsonContext : JsonSerializerContext;
