using System.Buffers;
using System.Text.Json;

namespace ClusterActors.Remoting;

/// <summary>Turns messages into (type id, JSON payload) and back, through the source-generated metadata in a <see cref="MessageTypeRegistry"/>.</summary>
/// <remarks>Thread-safe: it holds no state beyond the registry.</remarks>
public sealed class MessageSerializer
{
    /// <summary>Creates a serializer over <paramref name="registry"/>.</summary>
    public MessageSerializer(MessageTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
    }

    /// <summary>The registry that names message types.</summary>
    public MessageTypeRegistry Registry { get; }

    /// <summary>Writes <paramref name="message"/> as JSON into <paramref name="destination"/> and returns its type id.</summary>
    /// <remarks>
    /// If serialization throws, <paramref name="destination"/> may hold part of the payload: serialize into
    /// a scratch buffer, not straight into a batch of frames.
    /// </remarks>
    /// <exception cref="UnregisteredMessageTypeException">The message's runtime type has no type id.</exception>
    public string Serialize(object message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        if (!Registry.TryGetByType(message.GetType(), out var registration))
        {
            throw new UnregisteredMessageTypeException(message.GetType());
        }

        using var writer = new Utf8JsonWriter(destination);
        JsonSerializer.Serialize(writer, message, registration.TypeInfo);
        return registration.TypeId;
    }

    /// <summary>Serializes <paramref name="message"/> into a new array of exactly its size.</summary>
    /// <remarks>
    /// Every remote Tell comes through here, so the scratch buffer and JSON writer are reused per thread
    /// and the only allocation is the payload itself (a scratch buffer a huge message grew is let go).
    /// </remarks>
    /// <exception cref="UnregisteredMessageTypeException">The message's runtime type has no type id.</exception>
    public SerializedMessage Serialize(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Registry.TryGetByType(message.GetType(), out var registration))
        {
            throw new UnregisteredMessageTypeException(message.GetType());
        }

        var scratch = Scratch.Take();
        try
        {
            JsonSerializer.Serialize(scratch.Writer, message, registration.TypeInfo);
            scratch.Writer.Flush();
            return new SerializedMessage(registration.TypeId, scratch.Buffer.WrittenSpan.ToArray());
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    /// <summary>
    /// Deserializes a received envelope's payload as its registered type. A failure is counted and logged
    /// through <paramref name="source"/> before it is thrown, so the caller only drops the message.
    /// </summary>
    /// <exception cref="UnknownMessageTypeException">The type id is not registered here.</exception>
    /// <exception cref="UndeserializablePayloadException">The payload is not valid JSON for the type, is JSON null, or has trailing content.</exception>
    public object Deserialize(in EnvelopeView envelope, PeerDiagnostics source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Registry.TryGetByTypeId(envelope.TypeId, out var registration))
        {
            source.ReportUnknownMessageType(envelope.Recipient, envelope.TypeId);
            throw new UnknownMessageTypeException(envelope.TypeId, source.Peer);
        }

        try
        {
            var reader = new Utf8JsonReader(envelope.Payload);
            var message = JsonSerializer.Deserialize(ref reader, registration.TypeInfo)
                ?? throw new JsonException("The payload is JSON null; a message is never null.");

            // Deserialize stops after one value; anything but whitespace after it is a corrupt payload.
            if (reader.Read())
            {
                throw new JsonException($"Unexpected content after the message at byte {reader.TokenStartIndex}.");
            }

            return message;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Besides JsonException, a message's own constructor may reject the values it was given.
            var failure = new UndeserializablePayloadException(envelope.TypeId, source.Peer, error);
            source.ReportUndeserializablePayload(envelope.Recipient, envelope.TypeId, error.Message);
            throw failure;
        }
    }

    /// <summary>A per-thread buffer and JSON writer for <see cref="Serialize(object)"/>.</summary>
    private sealed class Scratch
    {
        private const int KeptCapacity = 64 * 1024;

        [ThreadStatic]
        private static Scratch? cached;

        private Scratch()
        {
            Writer = new Utf8JsonWriter(Buffer);
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        /// <summary>This thread's scratch (taken, so a nested call gets its own), reset for a new message.</summary>
        public static Scratch Take()
        {
            var scratch = cached ?? new Scratch();
            cached = null;
            scratch.Buffer.ResetWrittenCount();
            scratch.Writer.Reset(scratch.Buffer);
            return scratch;
        }

        public static void Return(Scratch scratch)
        {
            if (scratch.Buffer.Capacity <= KeptCapacity)
            {
                cached = scratch;
            }
        }
    }
}
