using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ClusterActors.Remoting;

/// <summary>The layout of a Distress frame's body (see <see cref="DistressFrame"/>): sizes, the strict reader, and the checks on a frame handed to a transport.</summary>
internal static class DistressCodec
{
    /// <summary>The body layout version this build writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The length prefix and the kind byte.</summary>
    public const int HeaderSize = FrameLimits.LengthPrefixSize + 1;

    /// <summary>The payload (after the kind byte) for a node id of <paramref name="nodeIdBytes"/> bytes.</summary>
    public static int PayloadLength(int nodeIdBytes) =>
        1 + sizeof(long) + 2 + nodeIdBytes + 1 + DistressFrame.KindCapacity + 2 + DistressFrame.ReasonCapacity;

    /// <summary>The whole frame, length prefix included.</summary>
    public static int FrameLength(int nodeIdBytes) => HeaderSize + PayloadLength(nodeIdBytes);

    /// <summary>Reads a Distress frame's payload; throws <see cref="MalformedFrameException"/> (without a peer) when it breaks the layout.</summary>
    public static DistressNotice Read(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        if (!reader.TryRead(out var version))
        {
            throw WireStrings.InvalidBody("the Distress frame is empty: it has no format version.");
        }

        if (version != FormatVersion)
        {
            throw WireStrings.InvalidBody($"distress format version {version} is not one this node reads (it reads {FormatVersion}).");
        }

        if (!reader.TryReadBigEndian(out long incarnation))
        {
            throw WireStrings.InvalidBody("the body ends before the sender's incarnation.");
        }

        if (incarnation == 0)
        {
            throw WireStrings.InvalidBody("the sender's incarnation is 0, which names no run of a node.");
        }

        var nodeId = WireStrings.Read(ref reader, "sender node id", NodeIds.MaxLength);
        if (!NodeIds.IsValid(nodeId))
        {
            throw WireStrings.InvalidBody($"the sender node id '{nodeId}' is not a legal node id.");
        }

        if (!reader.TryRead(out var kindLength))
        {
            throw WireStrings.InvalidBody("the body ends before the failure kind's length.");
        }

        var kind = ReadSlot(ref reader, "failure kind", kindLength, DistressFrame.KindCapacity);
        if (!reader.TryReadBigEndian(out short reasonLength))
        {
            throw WireStrings.InvalidBody("the body ends before the reason's length.");
        }

        var reason = ReadSlot(ref reader, "reason", (ushort)reasonLength, DistressFrame.ReasonCapacity);
        if (reader.Remaining != 0)
        {
            throw WireStrings.InvalidBody($"{reader.Remaining} bytes follow the reason slot, where a distress body ends.");
        }

        return new DistressNotice(nodeId, incarnation, kind, reason);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="frame"/> is one whole Distress frame: a transport writes it as is, so a bad one would corrupt the stream.</summary>
    public static void RequireFrame(ReadOnlySpan<byte> frame, string parameter)
    {
        if (frame.Length <= HeaderSize
            || BinaryPrimitives.ReadInt32BigEndian(frame) != frame.Length - FrameLimits.LengthPrefixSize
            || frame[FrameLimits.LengthPrefixSize] != (byte)FrameKind.Distress)
        {
            throw new ArgumentException($"The {frame.Length} bytes are not one whole Distress frame (a length prefix matching the rest, kind {(byte)FrameKind.Distress}, a body): pass what DistressFrame.Fill returned.", parameter);
        }
    }

    /// <summary>Throws unless <paramref name="timeout"/> is positive and fits in an int of milliseconds: a dying node must not wait forever.</summary>
    public static void RequireTimeout(TimeSpan timeout, string parameter)
    {
        if (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(parameter, timeout, "A distress write needs a positive, finite timeout (at most int.MaxValue milliseconds).");
        }
    }

    private static string ReadSlot(ref SequenceReader<byte> reader, string field, int length, int capacity)
    {
        if (length > capacity)
        {
            throw WireStrings.InvalidBody($"the {field} declares {length} bytes; its slot holds {capacity}.");
        }

        if (reader.Remaining < capacity)
        {
            throw WireStrings.InvalidBody($"the body ends inside the {field} slot ({reader.Remaining} of its {capacity} bytes).");
        }

        Span<byte> slot = stackalloc byte[DistressFrame.ReasonCapacity];
        slot = slot[..capacity];
        reader.TryCopyTo(slot);
        reader.Advance(capacity);
        if (slot[length..].ContainsAnyExcept((byte)0))
        {
            throw WireStrings.InvalidBody($"the {field} slot holds non-zero bytes after its {length} bytes.");
        }

        try
        {
            return WireStrings.Strict.GetString(slot[..length]);
        }
        catch (DecoderFallbackException)
        {
            throw WireStrings.InvalidBody($"the {field} is not valid UTF-8.");
        }
    }
}
