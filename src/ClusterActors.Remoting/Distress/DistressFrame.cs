using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text.Unicode;

namespace ClusterActors.Remoting;

/// <summary>A node's pre-formed distress frame (SPEC S1): built once at start, filled in place at failure time without allocating, then written as is.</summary>
/// <remarks>
/// <para>
/// The bytes are one complete wire frame: the length prefix, kind <see cref="FrameKind.Distress"/>, then
/// the body laid out as below. The failure kind and the reason have fixed-size slots, so the frame's
/// length never changes and nothing has to be measured, allocated or serialized when the node is dying.
/// </para>
/// <code>
/// u8        format version (1)
/// i64       sender incarnation
/// u16+n     sender node id, UTF-8
/// u8        failure kind length k (0..32), then a 32-byte slot: k bytes of UTF-8, zeros after
/// u16       reason length r (0..256), then a 256-byte slot: r bytes of UTF-8, zeros after
/// </code>
/// <para>Not thread-safe: one owner (the node's distress task) fills and sends it; a fill during a write would tear the frame.</para>
/// </remarks>
public sealed class DistressFrame
{
    /// <summary>The most UTF-8 bytes of the failure kind the frame carries; longer kinds are cut at a character boundary.</summary>
    public const int KindCapacity = 32;

    /// <summary>The most UTF-8 bytes of the reason the frame carries; longer reasons are cut at a character boundary.</summary>
    public const int ReasonCapacity = 256;

    // Offsets in Buffer of the kind's length byte and of the reason's u16 length.
    private readonly int kindAt;
    private readonly int reasonAt;

    private DistressFrame(NodeIdentity sender, byte[] buffer, int kindAt)
    {
        Sender = sender;
        Buffer = buffer;
        this.kindAt = kindAt;
        reasonAt = kindAt + 1 + KindCapacity;
    }

    /// <summary>The node the frame announces.</summary>
    public NodeIdentity Sender { get; }

    /// <summary>The whole frame; the same array for the node's life, rewritten in place by <see cref="Fill"/>.</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "The one pre-allocated buffer is the point: callers hand it to the socket as is.")]
    public byte[] Buffer { get; }

    /// <summary>Allocates the frame for <paramref name="sender"/>, with an empty kind and reason.</summary>
    public static DistressFrame Build(NodeIdentity sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var nodeIdBytes = WireStrings.ByteCount(sender.NodeId, "node id", NodeIds.MaxLength);
        var buffer = new byte[DistressCodec.FrameLength(nodeIdBytes)];
        BinaryPrimitives.WriteInt32BigEndian(buffer, buffer.Length - FrameLimits.LengthPrefixSize);
        buffer[FrameLimits.LengthPrefixSize] = (byte)FrameKind.Distress;
        var body = buffer.AsSpan(DistressCodec.HeaderSize);
        body[0] = DistressCodec.FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(body[1..], sender.Incarnation);
        var slots = WireStrings.Write(body[9..], sender.NodeId, nodeIdBytes);
        return new DistressFrame(sender, buffer, buffer.Length - slots.Length);
    }

    /// <summary>
    /// Writes <paramref name="kind"/> and <paramref name="reason"/> into their slots in place (each cut at a
    /// character boundary when too long; a lone surrogate becomes U+FFFD, since a distress must never
    /// fail) and returns the whole frame. Allocates nothing.
    /// </summary>
    public ReadOnlySpan<byte> Fill(ReadOnlySpan<char> kind, ReadOnlySpan<char> reason)
    {
        var frame = Buffer.AsSpan();
        frame[kindAt] = (byte)Put(kind, frame.Slice(kindAt + 1, KindCapacity));
        BinaryPrimitives.WriteUInt16BigEndian(frame[reasonAt..], (ushort)Put(reason, frame.Slice(reasonAt + 2, ReasonCapacity)));
        return frame;
    }

    /// <inheritdoc />
    public override string ToString() => $"distress frame of {Sender.NodeId} (incarnation {Sender.Incarnation}, {Buffer.Length} bytes)";

    /// <summary>Writes as many whole characters of <paramref name="text"/> as fit, zeroes the rest of <paramref name="slot"/>, returns the bytes written.</summary>
    private static int Put(ReadOnlySpan<char> text, Span<byte> slot)
    {
        // FromUtf16 stops before a character that does not fit whole, so a cut never splits one.
        Utf8.FromUtf16(text, slot, out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        slot[written..].Clear();
        return written;
    }
}
