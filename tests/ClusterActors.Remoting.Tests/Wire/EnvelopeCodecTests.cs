using System.Buffers;
using System.Text;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Wire;

public sealed class EnvelopeCodecTests
{
    private const string Recipient = "ca.tcp://sys@10.0.0.2:2552/user/worker#42";
    private const string Sender = "ca.tcp://sys@10.0.0.1:2552/user/client#7";

    private readonly TestPeer peer = new();

    [Fact]
    public void An_envelope_with_a_sender_round_trips()
    {
        var envelope = new MessageEnvelope(Recipient, Sender, "test.ping", new byte[] { 1, 2, 3 });

        var view = RoundTrip(envelope);

        Assert.Equal(Recipient, view.Recipient);
        Assert.Equal(Sender, view.Sender);
        Assert.Equal("test.ping", view.TypeId);
        Assert.Equal([1, 2, 3], view.Payload.ToArray());
    }

    [Fact]
    public void An_envelope_without_a_sender_round_trips_with_no_sender()
    {
        var view = RoundTrip(new MessageEnvelope(Recipient, null, "test.ping", new byte[] { 5 }));

        Assert.Null(view.Sender);
        Assert.Equal(Recipient, view.Recipient);
    }

    [Fact]
    public void An_empty_payload_round_trips()
    {
        Assert.True(RoundTrip(new MessageEnvelope(Recipient, null, "test.empty", ReadOnlyMemory<byte>.Empty)).Payload.IsEmpty);
    }

    [Theory]
    [InlineData("ca.tcp://sys@host:1/user/naïve-café")]
    [InlineData("ca.tcp://sys@host:1/user/日本語/子")]
    [InlineData("ca.tcp://sys@host:1/user/emoji-🎉-𝄞")]
    public void Unicode_paths_round_trip_as_utf8(string path)
    {
        var view = RoundTrip(new MessageEnvelope(path, path + "/reply", "test.ping", new byte[] { 1 }));

        Assert.Equal(path, view.Recipient);
        Assert.Equal(path + "/reply", view.Sender);
    }

    [Fact]
    public void The_envelope_layout_is_flags_then_length_prefixed_utf8_strings_then_the_payload()
    {
        var output = new ArrayBufferWriter<byte>();
        peer.Encoder().WriteMessage(output, "/a", "/b", "t", [0xAB]);

        byte[] expected = [0, 0, 0, 14, (byte)FrameKind.Message, 0x01, 0, 2, (byte)'/', (byte)'a', 0, 2, (byte)'/', (byte)'b', 0, 1, (byte)'t', 0xAB];
        Assert.Equal(expected, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void An_envelope_split_across_segments_decodes_the_same()
    {
        var output = new ArrayBufferWriter<byte>();
        peer.Encoder().WriteMessage(output, "ca.tcp://sys@host:1/user/日本語", Sender, "test.ping", Encoding.UTF8.GetBytes("{\"x\":1}"));
        var bytes = output.WrittenSpan.ToArray();

        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var buffer = Sequences.Split(bytes, [cut, cut + 1, cut + 3]);
            var decoder = new TestPeer().Decoder();
            Assert.True(decoder.TryReadFrame(ref buffer, out var frame));
            var view = decoder.ReadEnvelope(frame);
            Assert.Equal("ca.tcp://sys@host:1/user/日本語", view.Recipient);
            Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(view.Payload.ToArray()));
        }
    }

    [Fact]
    public void ToEnvelope_copies_the_payload_out_of_the_receive_buffer()
    {
        var output = new ArrayBufferWriter<byte>();
        peer.Encoder().WriteMessage(output, Recipient, null, "test.ping", [1, 2]);
        var bytes = output.WrittenSpan.ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var decoder = peer.Decoder();
        Assert.True(decoder.TryReadFrame(ref buffer, out var frame));

        var owned = decoder.ReadEnvelope(frame).ToEnvelope();
        Array.Clear(bytes);

        Assert.Equal([1, 2], owned.Payload.ToArray());
        Assert.Equal(Recipient, owned.Recipient);
    }

    [Theory]
    [InlineData(new byte[] { }, "no envelope flags")]
    [InlineData(new byte[] { 0x02, 0, 1, (byte)'a', 0, 1, (byte)'t' }, "reserved bits")]
    [InlineData(new byte[] { 0x00, 0 }, "length of the recipient path")]
    [InlineData(new byte[] { 0x00, 0, 9, (byte)'a' }, "declares 9 bytes but only 1 remain")]
    [InlineData(new byte[] { 0x00, 0, 0, 0, 1, (byte)'t' }, "recipient path is empty")]
    [InlineData(new byte[] { 0x00, 0, 2, 0xC3, 0x28, 0, 1, (byte)'t' }, "recipient path is not valid UTF-8")]
    [InlineData(new byte[] { 0x01, 0, 1, (byte)'a', 0, 0, 0, 1, (byte)'t' }, "sender path is empty")]
    [InlineData(new byte[] { 0x00, 0, 1, (byte)'a', 0, 0 }, "message type id is empty")]
    [InlineData(new byte[] { 0x00, 0, 1, (byte)'a' }, "length of the message type id")]
    public void A_message_frame_that_breaks_the_envelope_layout_is_refused_counted_and_logged(byte[] payload, string detail)
    {
        var bytes = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, 1 + payload.Length);
        bytes[4] = (byte)FrameKind.Message;
        payload.CopyTo(bytes, 5);
        var buffer = new ReadOnlySequence<byte>(bytes);
        var decoder = peer.Decoder();
        Assert.True(decoder.TryReadFrame(ref buffer, out var frame));

        var error = Assert.Throws<MalformedFrameException>(() => decoder.ReadEnvelope(frame));

        Assert.Equal(FrameError.InvalidBody, error.Error);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Contains(peer.Label, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, peer.Counters.MalformedFrames);
        Assert.Single(peer.Log.Lines(), line => line.Contains(peer.Label, StringComparison.Ordinal) && line.Contains(detail, StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_that_is_not_valid_unicode_is_refused_at_write_and_counted_as_dropped()
    {
        var output = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<ArgumentException>(() => peer.Encoder().WriteMessage(output, "/user/\uD800", null, "test.ping", []));

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(1, peer.Counters.DroppedOutbound);
    }

    [Fact]
    public void A_message_too_large_for_a_frame_is_refused_at_write_and_counted_as_dropped_naming_type_and_recipient()
    {
        var output = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<FrameTooLargeException>(() => peer.Encoder(maxFrameSize: 100).WriteMessage(output, Recipient, null, "test.big", new byte[100]));

        Assert.Contains("'test.big' message to " + Recipient, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(1, peer.Counters.DroppedOutbound);
        Assert.Contains(peer.Log.Lines(), line => line.Contains("Dropped an outbound 'test.big' message", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_recipient_or_type_id_are_refused_at_write()
    {
        Assert.Throws<ArgumentException>(() => peer.Encoder().WriteMessage(new ArrayBufferWriter<byte>(), string.Empty, null, "t", []));
        Assert.Throws<ArgumentException>(() => peer.Encoder().WriteMessage(new ArrayBufferWriter<byte>(), "/a", null, string.Empty, []));
        Assert.Throws<ArgumentException>(() => peer.Encoder().WriteMessage(new ArrayBufferWriter<byte>(), "/a", string.Empty, "t", []));
    }

    [Fact]
    public void A_close_frame_round_trips_its_code_and_reason_and_a_long_reason_is_cut_at_a_character_boundary()
    {
        var output = new ArrayBufferWriter<byte>();
        var encoder = peer.Encoder();
        encoder.WriteClose(output, CloseCode.Shutdown, "node leaving");
        encoder.WriteClose(output, CloseCode.ProtocolError, new string('é', 400) + "\uD800");
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        var decoder = peer.Decoder();

        Assert.True(decoder.TryReadFrame(ref buffer, out var first));
        Assert.Equal(new CloseNotice(CloseCode.Shutdown, "node leaving"), decoder.ReadClose(first));
        Assert.True(decoder.TryReadFrame(ref buffer, out var second));
        var cut = decoder.ReadClose(second);
        Assert.Equal(CloseCode.ProtocolError, cut.Code);
        Assert.Equal(new string('é', 256), cut.Reason);
    }

    private EnvelopeView RoundTrip(MessageEnvelope envelope)
    {
        var output = new ArrayBufferWriter<byte>();
        peer.Encoder().WriteMessage(output, envelope);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        var decoder = peer.Decoder();
        Assert.True(decoder.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(FrameKind.Message, frame.Kind);
        return decoder.ReadEnvelope(frame);
    }
}
