using System.Text.Json.Serialization;
using System.Text.Json;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>
/// Writes an <see cref="IActorRef"/> inside a message as its path and reads it back as a ref that works
/// on the receiving node. Put <c>[JsonConverter(typeof(ActorRefJsonConverter))]</c> on the property.
/// </summary>
/// <remarks>Works only while remoting (de)serializes a message, which tells it which node and peer it serves.</remarks>
public sealed class ActorRefJsonConverter : JsonConverter<IActorRef>
{
    /// <inheritdoc />
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var path = reader.GetString() ?? throw new JsonException("An actor ref must be a path string, not null.");
        return RefSerializationScope.ResolveFromWire(path);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(RefSerializationScope.PathForWire(value));
    }
}
