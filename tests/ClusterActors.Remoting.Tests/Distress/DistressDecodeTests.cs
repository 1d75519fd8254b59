using System.Buffers.Binary;
using ClusterActors.Remoting.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Distress;

public sealed class DistressDecodeTests
{
    // Offsets in a frame for node id "node-7" (6 bytes): header 5, version 1, incarnation 8, id 2+6.
    private const int Version = 5;
    private const int Incarnation = 6;
    private const int NodeIdLength = 14;
    private const int NodeId = 16;
    private const int KindLength = 22;
    private const int KindSlot = 23;
    private const int ReasonLength = KindSlot + DistressFrame.KindCapacity;
    private const int ReasonSlot = ReasonLength + 2;

    public static TheoryData<string> Malformations => [.. Cases.Keys];

    private static readonly Dictionary<string, (Func<byte[], byte[]> Break, string Detail)> Cases = new()
    {
        ["unknown format version"] = (b => Set(b, Version, 2), "distress format version 2"),
        ["zero incarnation"] = (b => { BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(Incarnation), 0); return b; }, "incarnation is 0"),
        ["illegal node id"] = (b => Set(b, NodeId, (byte)'-'), "not a legal node id"),
        ["node id longer than allowed"] = (b => { BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(NodeIdLength), 200); return b; }, "at most 128"),
        ["kind longer than its slot"] = (b => Set(b, KindLength, DistressFrame.KindCapacity + 1), "its slot holds 32"),
        ["reason longer than its slot"] = (b => { BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(ReasonLength), DistressFrame.ReasonCapacity + 1); return b; }, "its slot holds 256"),
        ["garbage after the kind"] = (b => Set(b, KindSlot + 20, 0x41), "non-zero bytes after its 4 bytes"),
        ["garbage after the reason"] = (b => Set(b, ReasonSlot + 200, 0x41), "non-zero bytes after its 3 bytes"),
        ["kind not UTF-8"] = (b => Set(b, KindSlot, 0xFF), "failure kind is not valid UTF-8"),
        ["reason not UTF-8"] = (b => Set(b, ReasonSlot + 1, 0xC3), "reason is not valid UTF-8"),
        ["body cut inside the reason slot"] = (b => Resize(b, b.Length - 10), "ends inside the reason slot"),
        ["trailing bytes"] = (b => Resize(b, b.Length + 3), "3 bytes follow the reason slot"),
        ["only a version"] = (b => Resize(b, Version + 1), "ends before the sender's incarnation"),
        ["empty body"] = (b => Resize(b, Version), "has no format version"),
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public void A_malformed_distress_body_is_refused_naming_the_problem_counted_once_and_logged_with_the_peer(string malformation)
    {
        var (breakIt, detail) = Cases[malformation];
        var frame = DistressFrame.Build(TestNodes.Node("node-7", 2557));
        var bytes = breakIt(frame.Fill("kind", "why").ToArray());
        var peer = new TestPeer("tcp 192.0.2.9:4711");

        var error = Assert.Throws<MalformedFrameException>(() => DistressFrameTests.Decode(bytes, peer));

        Assert.Equal(FrameError.InvalidBody, error.Error);
        Assert.StartsWith("Distress frame: ", error.Detail, StringComparison.Ordinal);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.Equal("tcp 192.0.2.9:4711", error.Peer);
        Assert.Equal(1, peer.Counters.MalformedFrames);
        var warning = Assert.Single(peer.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("192.0.2.9:4711", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unbroken_frame_the_malformations_start_from_decodes()
    {
        var frame = DistressFrame.Build(TestNodes.Node("node-7", 2557, incarnation: 99));

        Assert.Equal(new DistressNotice("node-7", 99, "kind", "why"), DistressFrameTests.Decode(frame.Fill("kind", "why").ToArray()));
    }

    [Fact]
    public void ReadDistress_refuses_a_frame_of_another_kind_as_a_caller_error()
    {
        var decoder = new TestPeer().Decoder();
        var frame = new Frame(FrameKind.Message, default);

        Assert.Throws<ArgumentException>(() => decoder.ReadDistress(frame));
    }

    private static byte[] Set(byte[] bytes, int offset, int value)
    {
        bytes[offset] = (byte)value;
        return bytes;
    }

    /// <summary>Changes the body length, keeping the length prefix true to it, so only the body is wrong.</summary>
    private static byte[] Resize(byte[] bytes, int length)
    {
        var resized = new byte[length];
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(resized);
        BinaryPrimitives.WriteInt32BigEndian(resized, length - 4);
        return resized;
    }
}
