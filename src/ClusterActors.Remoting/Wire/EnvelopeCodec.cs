using System.Buffers;

namespace ClusterActors.Remoting;

/// <summary>The layout of a Message frame's payload: flags, recipient, [sender], type id, then the serialized message to the end of the frame.</summary>
internal static class EnvelopeCodec
{
    /// <summary>Flag bit 0: a sender path follows the recipient. Other bits are reserved and must be 0.</summary>
    public const byte HasSender = 0x01;

    /// <summary>Writes the envelope header into <paramref name="destination"/> (sized by the caller) and returns the rest, where the payload goes.</summary>
    public static Span<byte> WriteHeader(Span<byte> destination, string recipient, int recipientBytes, string? sender, int senderBytes, string typeId, int typeIdBytes)
    {
        destination[0] = sender is null ? (byte)0 : HasSender;
        var rest = WireStrings.Write(destination[1..], recipient, recipientBytes);
        if (sender is not null)
        {
            rest = WireStrings.Write(rest, sender, senderBytes);
        }

        return WireStrings.Write(rest, typeId, typeIdBytes);
    }

    /// <summary>The header size for the given string byte counts.</summary>
    public static int HeaderLength(int recipientBytes, int? senderBytes, int typeIdBytes) =>
        1 + 2 + recipientBytes + (senderBytes is null ? 0 : 2 + senderBytes.Value) + 2 + typeIdBytes;

    /// <summary>Reads a Message frame's payload; throws <see cref="MalformedFrameException"/> (without a peer) when it breaks the layout.</summary>
    public static EnvelopeView Read(ReadOnlySequence<byte> payload, WireStringCache? cache = null)
    {
        var reader = new SequenceReader<byte>(payload);
        if (!reader.TryRead(out var flags))
        {
            throw WireStrings.InvalidBody("the Message frame is empty: it has no envelope flags.");
        }

        if ((flags & ~HasSender) != 0)
        {
            throw WireStrings.InvalidBody($"envelope flags 0x{flags:x2} set reserved bits.");
        }

        var recipient = WireStrings.Read(ref reader, "recipient path", WireStrings.MaxBytes, cache);
        if (recipient.Length == 0)
        {
            throw WireStrings.InvalidBody("the recipient path is empty.");
        }

        var sender = (flags & HasSender) != 0 ? WireStrings.Read(ref reader, "sender path", WireStrings.MaxBytes, cache) : null;
        if (sender is { Length: 0 })
        {
            throw WireStrings.InvalidBody("the sender flag is set but the sender path is empty.");
        }

        var typeId = WireStrings.Read(ref reader, "message type id", WireStrings.MaxBytes, cache);
        if (typeId.Length == 0)
        {
            throw WireStrings.InvalidBody("the message type id is empty.");
        }

        return new EnvelopeView(recipient, sender, typeId, reader.UnreadSequence);
    }
}
