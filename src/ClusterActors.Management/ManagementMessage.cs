using System.Text.Json.Serialization;

namespace ClusterActors.Management;

/// <summary>The body of every management answer that is not data: <c>{"message": "…"}</c>.</summary>
public sealed record ManagementMessage([property: JsonPropertyName("message")] string Message);

/// <summary>Source-generated JSON for the management endpoints (no reflection at run time).</summary>
[JsonSerializable(typeof(ManagementMessage))]
public sealed partial class ManagementJsonContext : JsonSerializerContext;
