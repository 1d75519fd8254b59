using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Distress;

public sealed class DistressFrameTests
{
    private static readonly NodeIdentity Sender = TestNodes.Node("node-7", 2557, incarnation: 0x0102030405060708);

    [Fact]
    public void S1_the_frame_is_built_once_and_fill_reuses_the_same_buffer()
    {
        var frame = DistressFrame.Build(Sender);
        var buffer = frame.Buffer;

        var first = frame.Fill("power-loss", "battery at 2%");
        var second = frame.Fill("imminent-crash", new string('x', 1000));

        Assert.Same(buffer, frame.Buffer);
        Assert.True(first == buffer.AsSpan(), "Fill returns a span over the one buffer");
        Assert.True(second == buffer.AsSpan(), "Fill returns a span over the one buffer");
        Assert.Equal(buffer.Length, second.Length);
        Assert.Equal(new DistressNotice("node-7", 0x0102030405060708, "imminent-crash", new string('x', DistressFrame.ReasonCapacity)), Decode(buffer));
    }

    [Fact]
    public void S1_the_frame_length_never_changes_whatever_is_filled_in()
    {
        var frame = DistressFrame.Build(Sender);
        var empty = frame.Buffer.Length;

        Assert.Equal(empty, frame.Fill(new string('k', 100), new string('r', 5000)).Length);
        Assert.Equal(empty, frame.Fill(string.Empty, string.Empty).Length);
        Assert.Equal(empty - 4, BinaryPrimitives.ReadInt32BigEndian(frame.Buffer));
        Assert.Equal((byte)FrameKind.Distress, frame.Buffer[4]);
    }

    [Fact]
    public void S1_a_built_frame_names_its_sender_with_an_empty_kind_and_reason()
    {
        Assert.Equal(new DistressNotice("node-7", 0x0102030405060708, string.Empty, string.Empty), Decode(DistressFrame.Build(Sender).Buffer));
    }

    [Fact]
    public void S1_fill_allocates_nothing()
    {
        var frame = DistressFrame.Build(Sender);
        var kind = "hardware-fault".AsSpan();
        var reason = "ECC error on DIMM 3, \u00e9t\u00e9 \U0001F525 and some more text to fill the slot".AsSpan();
        frame.Fill(kind, reason);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            frame.Fill(kind, reason);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal("hardware-fault", Decode(frame.Buffer).Kind);
    }

    [Fact]
    public void S1_a_shorter_fill_zeroes_what_a_longer_one_left_in_the_slots()
    {
        var frame = DistressFrame.Build(Sender);
        frame.Fill(new string('k', 40), new string('r', 300));

        var notice = Decode(frame.Fill("a", "b").ToArray());

        Assert.Equal(("a", "b"), (notice.Kind, notice.Reason));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void S1_a_kind_too_long_is_cut_before_a_character_that_does_not_fit_whole(int bytesPerCharacter)
    {
        var character = bytesPerCharacter switch { 2 => "\u00e9", 3 => "\u20ac", _ => "\U0001F525" };
        var frame = DistressFrame.Build(Sender);
        // 31 ASCII bytes leave one byte of the 32-byte slot: no multi-byte character fits in it.
        var kind = new string('k', DistressFrame.KindCapacity - 1) + character;

        var notice = Decode(frame.Fill(kind, "r").ToArray());

        Assert.Equal(new string('k', DistressFrame.KindCapacity - 1), notice.Kind);
    }

    [Fact]
    public void S1_a_reason_too_long_is_cut_at_a_character_boundary_and_keeps_every_whole_character_that_fits()
    {
        var frame = DistressFrame.Build(Sender);
        // 85 three-byte characters take 255 bytes; the 86th would need 258.
        var reason = string.Concat(Enumerable.Repeat("\u20ac", 100));

        var notice = Decode(frame.Fill("k", reason).ToArray());

        Assert.Equal(string.Concat(Enumerable.Repeat("\u20ac", 85)), notice.Reason);
        Assert.Equal(255, Encoding.UTF8.GetByteCount(notice.Reason));
    }

    [Fact]
    public void S1_text_that_fits_exactly_is_kept_whole()
    {
        var frame = DistressFrame.Build(Sender);
        var kind = string.Concat(Enumerable.Repeat("\U0001F525", DistressFrame.KindCapacity / 4));
        var reason = new string('r', DistressFrame.ReasonCapacity);

        var notice = Decode(frame.Fill(kind, reason).ToArray());

        Assert.Equal((kind, reason), (notice.Kind, notice.Reason));
    }

    [Fact]
    public void S1_a_lone_surrogate_becomes_a_replacement_character_instead_of_failing_the_distress()
    {
        var frame = DistressFrame.Build(Sender);

        var notice = Decode(frame.Fill("bad\uD800kind", "reason\uDC00").ToArray());

        Assert.Equal(("bad\uFFFDkind", "reason\uFFFD"), (notice.Kind, notice.Reason));
    }

    [Fact]
    public void Build_refuses_a_missing_sender()
    {
        Assert.Throws<ArgumentNullException>(() => DistressFrame.Build(null!));
    }

    /// <summary>Reads a whole frame as a receiving connection would.</summary>
    internal static DistressNotice Decode(byte[] bytes, TestPeer? peer = null)
    {
        var decoder = (peer ?? new TestPeer()).Decoder();
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(decoder.TryReadFrame(ref buffer, out var frame), "the bytes hold one whole frame");
        Assert.True(buffer.IsEmpty, "nothing follows the frame");
        Assert.Equal(FrameKind.Distress, frame.Kind);
        return decoder.ReadDistress(frame);
    }
}
