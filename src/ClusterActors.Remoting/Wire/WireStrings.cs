using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ClusterActors.Remoting;

/// <summary>Strings on the wire: a big-endian u16 byte count, then strict UTF-8 (no BOM, no replacement characters).</summary>
internal static class WireStrings
{
    /// <summary>The most bytes one string may take.</summary>
    public const int MaxBytes = ushort.MaxValue;

    /// <summary>Strict both ways: a lone surrogate fails to encode and invalid bytes fail to decode, instead of silently becoming U+FFFD.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 byte count of <paramref name="value"/>; throws <see cref="ArgumentException"/> naming <paramref name="field"/> when it cannot go on the wire.</summary>
    public static int ByteCount(string value, string field, int maxBytes = MaxBytes)
    {
        int count;
        try
        {
            count = Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException error)
        {
            throw new ArgumentException($"The {field} '{value}' is not valid Unicode: it holds a lone surrogate.", field, error);
        }

        return count <= maxBytes
            ? count
            : throw new ArgumentException($"The {field} takes {count} UTF-8 bytes; at most {maxBytes} fit in a frame.", field);
    }

    /// <summary>Writes the u16 count and the bytes; returns the rest of <paramref name="destination"/>.</summary>
    public static Span<byte> Write(Span<byte> destination, string value, int byteCount)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)byteCount);
        Strict.GetBytes(value, destination.Slice(2, byteCount));
        return destination[(2 + byteCount)..];
    }

    /// <summary>Reads one string; throws <see cref="MalformedFrameException"/> naming <paramref name="field"/> when the body is wrong.</summary>
    public static string Read(ref SequenceReader<byte> reader, string field, int maxBytes = MaxBytes) =>
        Read(ref reader, field, maxBytes, cache: null);

    /// <summary>Like <see cref="Read(ref SequenceReader{byte}, string, int)"/>, answering strings seen before from <paramref name="cache"/> without allocating.</summary>
    public static string Read(ref SequenceReader<byte> reader, string field, int maxBytes, WireStringCache? cache)
    {
        if (!reader.TryReadBigEndian(out short raw))
        {
            throw InvalidBody($"the body ends before the length of the {field}.");
        }

        var length = (ushort)raw;
        if (length > maxBytes)
        {
            throw InvalidBody($"the {field} declares {length} bytes; at most {maxBytes} are allowed.");
        }

        if (reader.Remaining < length)
        {
            throw InvalidBody($"the {field} declares {length} bytes but only {reader.Remaining} remain in the frame.");
        }

        string value;
        try
        {
            value = cache is not null && reader.UnreadSpan.Length >= length
                ? cache.GetOrDecode(reader.UnreadSpan[..length])
                : Strict.GetString(reader.UnreadSequence.Slice(0, length));
        }
        catch (DecoderFallbackException)
        {
            throw InvalidBody($"the {field} is not valid UTF-8.");
        }

        reader.Advance(length);
        return value;
    }

    public static MalformedFrameException InvalidBody(string detail) => new(FrameError.InvalidBody, detail);
}
