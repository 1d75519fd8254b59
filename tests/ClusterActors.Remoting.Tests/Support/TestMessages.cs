using System.Text.Json.Serialization;

namespace ClusterActors.Remoting.Tests.Support;

public sealed record Ping(int SequenceNumber, string Text);

public sealed record Pong(int SequenceNumber);

/// <summary>A message whose constructor rejects some values, as a validating record does.</summary>
public sealed record Percentage
{
    public Percentage(int value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100);
        Value = value;
    }

    public int Value { get; }
}

/// <summary>Snake case and required constructor parameters: a payload that shows these took effect went through this context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(Pong))]
[JsonSerializable(typeof(Percentage))]
internal sealed partial class TestMessagesContext : JsonSerializerContext;
