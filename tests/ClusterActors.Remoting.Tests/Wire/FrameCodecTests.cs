using System.Buffers;
using System.Runtime.InteropServices;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Wire;

public sealed class FrameCodecTests
{
    private readonly TestPeer peer = new();

    [Fact]
    public void A_single_frame_round_trips_with_its_kind_and_payload()
    {
        var output = new ArrayBufferWriter<byte>();
        peer.Encoder().WriteFrame(output, FrameKind.Heartbeat, [1, 2, 3]);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);

        Assert.True(peer.Decoder().TryReadFrame(ref buffer, out var frame));

        Assert.Equal([0, 0, 0, 4, (byte)FrameKind.Heartbeat, 1, 2, 3], output.WrittenSpan.ToArray());
        Assert.Equal(FrameKind.Heartbeat, frame.Kind);
        Assert.Equal([1, 2, 3], frame.Payload.ToArray());
        Assert.Equal(4, frame.BodyLength);
        Assert.True(buffer.IsEmpty);
        Assert.Equal(1, peer.Counters.FramesOut);
        Assert.Equal(1, peer.Counters.FramesIn);
    }

    [Fact]
    public void Many_frames_batched_into_one_buffer_come_out_in_order()
    {
        var frames = RandomFrames(new Random(11), 200);
        var batch = Encode(frames);
        var buffer = new ReadOnlySequence<byte>(batch);
        var decoder = peer.Decoder();

        var decoded = new List<(FrameKind, byte[])>();
        while (decoder.TryReadFrame(ref buffer, out var frame))
        {
            decoded.Add((frame.Kind, frame.Payload.ToArray()));
        }

        Assert.True(buffer.IsEmpty);
        AssertSameFrames(frames, decoded);
        Assert.Equal(200, peer.Counters.FramesIn);
    }

    [Fact]
    public void Frames_split_at_arbitrary_segment_boundaries_decode_the_same()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var frames = RandomFrames(random, random.Next(1, 12));
            var batch = Encode(frames);
            var buffer = Sequences.Split(batch, Sequences.RandomCuts(random, batch.Length));
            var decoder = new TestPeer().Decoder();

            var decoded = new List<(FrameKind, byte[])>();
            while (decoder.TryReadFrame(ref buffer, out var frame))
            {
                decoded.Add((frame.Kind, frame.Payload.ToArray()));
            }

            Assert.True(buffer.IsEmpty, $"seed {seed}: {buffer.Length} bytes left over");
            AssertSameFrames(frames, decoded);
        }
    }

    [Fact]
    public void Frames_arriving_in_random_chunks_decode_the_same_as_a_pipe_reader_would_see_them()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var frames = RandomFrames(random, random.Next(1, 12));
            var stream = Encode(frames);
            var decoder = new TestPeer().Decoder();
            var decoded = new List<(FrameKind, byte[])>();
            var consumed = 0;
            var received = 0;
            while (received < stream.Length)
            {
                received = Math.Min(stream.Length, received + random.Next(1, 40));
                var unconsumed = stream.AsMemory(consumed, received - consumed);
                var buffer = Sequences.Split(unconsumed, Sequences.RandomCuts(random, unconsumed.Length));
                var before = buffer.Length;
                while (decoder.TryReadFrame(ref buffer, out var frame))
                {
                    decoded.Add((frame.Kind, frame.Payload.ToArray()));
                }

                consumed += (int)(before - buffer.Length);
            }

            decoder.CompleteAtEndOfStream(new ReadOnlySequence<byte>(stream.AsMemory(consumed)));
            AssertSameFrames(frames, decoded);
        }
    }

    [Fact]
    public void An_incomplete_frame_leaves_the_buffer_untouched_until_its_last_byte_arrives()
    {
        var whole = Encode([(FrameKind.Message, new byte[] { 9, 9, 9, 9, 9 })]);
        var decoder = peer.Decoder();

        for (var length = 0; length < whole.Length; length++)
        {
            var partial = new ReadOnlySequence<byte>(whole, 0, length);
            Assert.False(decoder.TryReadFrame(ref partial, out _));
            Assert.Equal(length, partial.Length);
        }

        var complete = new ReadOnlySequence<byte>(whole);
        Assert.True(decoder.TryReadFrame(ref complete, out _));
        Assert.Equal(0, peer.Counters.MalformedFrames);
    }

    [Fact]
    public void The_payload_is_a_slice_of_the_receive_buffer_not_a_copy()
    {
        var bytes = Encode([(FrameKind.Message, new byte[] { 1, 2, 3, 4 })]);
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(peer.Decoder().TryReadFrame(ref buffer, out var frame));

        Assert.True(MemoryMarshal.TryGetArray(frame.Payload.First, out var segment));
        Assert.Same(bytes, segment.Array);
        Assert.Equal(5, segment.Offset);
    }

    [Fact]
    public void A_body_of_exactly_the_maximum_frame_size_is_accepted_and_one_byte_more_is_refused()
    {
        var decoder = peer.Decoder(maxFrameSize: 100);
        var fits = new ReadOnlySequence<byte>(Encode([(FrameKind.Message, new byte[99])]));
        Assert.True(decoder.TryReadFrame(ref fits, out var frame));
        Assert.Equal(100, frame.BodyLength);

        var tooBig = new ReadOnlySequence<byte>(Encode([(FrameKind.Message, new byte[100])]));
        var error = Assert.Throws<MalformedFrameException>(() => decoder.TryReadFrame(ref tooBig, out _));
        Assert.Equal(FrameError.Oversized, error.Error);
    }

    [Fact]
    public void An_oversized_length_is_refused_as_soon_as_the_prefix_arrives_counted_and_logged_with_the_peer()
    {
        var decoder = peer.Decoder(maxFrameSize: 1024);
        var prefixOnly = new ReadOnlySequence<byte>(new byte[] { 0, 0, 4, 1 });

        var error = Assert.Throws<MalformedFrameException>(() => decoder.TryReadFrame(ref prefixOnly, out _));

        Assert.Equal(FrameError.Oversized, error.Error);
        Assert.Contains("1025", error.Message, StringComparison.Ordinal);
        Assert.Contains(peer.Label, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, peer.Counters.OversizedFrames);
        Assert.Equal(0, peer.Counters.MalformedFrames);
        Assert.Contains(peer.Log.Lines(), line => line.Contains("Oversized frame from " + peer.Label, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 0, 4 }, FrameError.NegativeLength)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, FrameError.NegativeLength)]
    [InlineData(new byte[] { 0, 0, 0, 0, 4, 1 }, FrameError.EmptyFrame)]
    [InlineData(new byte[] { 0, 0, 0, 1, 0 }, FrameError.UnknownKind)]
    [InlineData(new byte[] { 0, 0, 0, 9, 8 }, FrameError.UnknownKind)]
    [InlineData(new byte[] { 0, 0, 0, 1, 0xFF }, FrameError.UnknownKind)]
    public void A_bad_length_or_kind_is_refused_counted_and_logged_with_the_peer(byte[] bytes, FrameError expected)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var decoder = peer.Decoder();

        var error = Assert.Throws<MalformedFrameException>(() => decoder.TryReadFrame(ref buffer, out _));

        Assert.Equal(expected, error.Error);
        Assert.Equal(peer.Label, error.Peer);
        Assert.Equal(bytes.Length, buffer.Length);
        Assert.Equal(1, peer.Counters.MalformedFrames);
        Assert.Equal(0, peer.Counters.FramesIn);
        Assert.Contains(peer.Log.Lines(), line => line.Contains($"Malformed frame from {peer.Label} ({expected})", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_kind_split_from_its_length_is_refused_once_the_kind_byte_arrives()
    {
        var decoder = peer.Decoder();
        var bytes = new byte[] { 0, 0, 0, 3, 200, 1, 2 };
        var prefix = Sequences.Split(bytes.AsMemory(0, 4), []);
        Assert.False(decoder.TryReadFrame(ref prefix, out _));

        var withKind = Sequences.Split(bytes.AsMemory(0, 5), [4]);
        Assert.Equal(FrameError.UnknownKind, Assert.Throws<MalformedFrameException>(() => decoder.TryReadFrame(ref withKind, out _)).Error);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0 }, "after 2 of the 4")]
    [InlineData(new byte[] { 0, 0, 0, 10, 4, 1, 2 }, "3 bytes into a frame of 10 bytes")]
    public void A_stream_that_ends_inside_a_frame_is_refused_as_truncated(byte[] leftOver, string detail)
    {
        var decoder = peer.Decoder();
        var buffer = new ReadOnlySequence<byte>(leftOver);
        Assert.False(decoder.TryReadFrame(ref buffer, out _));

        var error = Assert.Throws<MalformedFrameException>(() => decoder.CompleteAtEndOfStream(buffer));

        Assert.Equal(FrameError.TruncatedStream, error.Error);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, peer.Counters.MalformedFrames);
    }

    [Fact]
    public void A_stream_that_ends_between_frames_is_fine()
    {
        peer.Decoder().CompleteAtEndOfStream(ReadOnlySequence<byte>.Empty);
        Assert.Equal(0, peer.Counters.MalformedFrames);
    }

    [Fact]
    public void The_encoder_refuses_an_oversized_frame_before_writing_anything()
    {
        var encoder = peer.Encoder(maxFrameSize: 64);
        var output = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<FrameTooLargeException>(() => encoder.WriteFrame(output, FrameKind.Heartbeat, new byte[64]));

        Assert.Equal(65, error.BodyLength);
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(0, peer.Counters.FramesOut);
    }

    [Fact]
    public void The_encoder_refuses_kinds_outside_the_protocol()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => peer.Encoder().WriteFrame(new ArrayBufferWriter<byte>(), (FrameKind)0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => peer.Encoder().WriteFrame(new ArrayBufferWriter<byte>(), (FrameKind)99, []));
    }

    [Fact]
    public void Maximum_frame_sizes_outside_the_allowed_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => peer.Decoder(maxFrameSize: FrameLimits.MinimumMaxFrameSize - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => peer.Encoder(maxFrameSize: FrameLimits.MaximumMaxFrameSize + 1));
    }

    private static List<(FrameKind Kind, byte[] Payload)> RandomFrames(Random random, int count)
    {
        FrameKind[] kinds = [FrameKind.Message, FrameKind.Heartbeat, FrameKind.Distress, FrameKind.Close, FrameKind.Handshake];
        var frames = new List<(FrameKind, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var payload = new byte[random.Next(0, 3) == 0 ? 0 : random.Next(1, 300)];
            random.NextBytes(payload);
            frames.Add((kinds[random.Next(kinds.Length)], payload));
        }

        return frames;
    }

    private byte[] Encode(IEnumerable<(FrameKind Kind, byte[] Payload)> frames)
    {
        var output = new ArrayBufferWriter<byte>();
        var encoder = peer.Encoder();
        foreach (var (kind, payload) in frames)
        {
            encoder.WriteFrame(output, kind, payload);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void AssertSameFrames(List<(FrameKind Kind, byte[] Payload)> expected, List<(FrameKind Kind, byte[] Payload)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Kind, actual[i].Kind);
            Assert.Equal(expected[i].Payload, actual[i].Payload);
        }
    }
}
