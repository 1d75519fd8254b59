using System.Buffers;
using System.Buffers.Binary;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Handshake;

public sealed class HandshakeTests
{
    private readonly TestPeer initiatorSide = new("tcp 127.0.0.1:2552 (outbound)");
    private readonly TestPeer responderSide = new("tcp 127.0.0.1:40001 (inbound)");

    [Fact]
    public void With_the_same_secret_both_sides_accept_each_other_and_agree_on_the_highest_common_version()
    {
        var alpha = TestNodes.Alpha(minVersion: 1, maxVersion: 3);
        var beta = TestNodes.Beta(minVersion: 2, maxVersion: 5);
        var pump = Pump(alpha, beta);

        pump.Run();

        var initiator = Assert.IsType<HandshakeAccepted>(pump.Initiator.Outcome);
        var responder = Assert.IsType<HandshakeAccepted>(pump.Responder.Outcome);
        Assert.Equal(beta, initiator.Peer);
        Assert.Equal(alpha, responder.Peer);
        Assert.Equal(3, initiator.ProtocolVersion);
        Assert.Equal(3, responder.ProtocolVersion);
        Assert.Equal([FrameKind.Handshake, FrameKind.HandshakeProof], pump.InitiatorFrames.Select(KindOf));
        Assert.Equal([FrameKind.HandshakeReply], pump.ResponderFrames.Select(KindOf));
        Assert.Equal(0, initiatorSide.Counters.HandshakeFailures + responderSide.Counters.HandshakeFailures);
        Assert.Contains(responderSide.Log.Lines(), line => line.Contains("node alpha", StringComparison.Ordinal) && line.Contains("wire protocol 3", StringComparison.Ordinal));
    }

    [Fact]
    public void The_largest_identities_allowed_still_fit_in_handshake_frames()
    {
        NodeIdentity Largest(char fill, int port) => new(
            new string(fill, NodeIds.MaxLength),
            RemoteAddress.Create(new string('s', RemoteAddress.MaxSystemNameLength), string.Join('.', Enumerable.Repeat(new string('h', 63), 3)) + "." + new string('h', 61), port),
            long.MinValue,
            new string('v', NodeIdentity.MaxSoftwareVersionLength),
            new ProtocolVersionRange(1, ushort.MaxValue));
        var pump = Pump(Largest('a', 65535), Largest('b', 65534));

        pump.Run();

        Assert.IsType<HandshakeAccepted>(pump.Initiator.Outcome);
        Assert.IsType<HandshakeAccepted>(pump.Responder.Outcome);
        Assert.Equal(ushort.MaxValue, Assert.IsType<HandshakeAccepted>(pump.Responder.Outcome).ProtocolVersion);
    }

    [Fact]
    public void Nodes_of_this_build_negotiate_the_current_version()
    {
        var pump = Pump(TestNodes.Node("a", 1, 1, WireProtocol.CurrentVersion), TestNodes.Node("b", 2, 1, WireProtocol.CurrentVersion));

        pump.Run();

        Assert.Equal(WireProtocol.CurrentVersion, Assert.IsType<HandshakeAccepted>(pump.Initiator.Outcome).ProtocolVersion);
    }

    [Fact]
    public void A_wrong_secret_is_refused_on_both_sides()
    {
        var pump = Pump(TestNodes.Alpha(), TestNodes.Beta(), initiatorSecret: ClusterSecret.FromText("other cluster"));

        pump.Run();

        var initiator = Assert.IsType<HandshakeRefused>(pump.Initiator.Outcome);
        var responder = Assert.IsType<HandshakeRefused>(pump.Responder.Outcome);
        Assert.Equal(HandshakeRefusal.AuthenticationFailed, initiator.Reason);
        Assert.Equal(HandshakeRefusal.PeerRefused, responder.Reason);
        Assert.Contains("AuthenticationFailed", responder.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(pump.InitiatorFrames, frame => KindOf(frame) == FrameKind.HandshakeProof);
        Assert.Equal(1, initiatorSide.Counters.HandshakeFailures);
        Assert.Equal(1, responderSide.Counters.HandshakeFailures);
    }

    [Fact]
    public void A_secret_against_no_secret_is_refused()
    {
        var pump = Pump(TestNodes.Alpha(), TestNodes.Beta(), responderSecret: ClusterSecret.None);

        pump.Run();

        Assert.Equal(HandshakeRefusal.AuthenticationFailed, Assert.IsType<HandshakeRefused>(pump.Initiator.Outcome).Reason);
    }

    [Fact]
    public void A_proof_made_with_another_secret_is_refused_by_the_responder()
    {
        var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);
        var hello = HandshakeCodec.EncodeHello(TestNodes.Alpha(), new byte[WireProtocol.NonceSize]);
        var reply = HandshakePump.Feed(responder, [Frame(FrameKind.Handshake, hello)]);
        var (responderHello, chosen, _) = HandshakeCodec.DecodeReply(new ReadOnlySequence<byte>(reply.Single()[5..]));
        var forged = HandshakeProofs.Compute(ClusterSecret.FromText("guess"), HandshakeRole.Initiator, hello, responderHello.Encoded, chosen);

        var answer = HandshakePump.Feed(responder, [Frame(FrameKind.HandshakeProof, forged)]);

        Assert.Equal(HandshakeRefusal.AuthenticationFailed, Assert.IsType<HandshakeRefused>(responder.Outcome).Reason);
        Assert.Equal(FrameKind.Close, KindOf(answer.Single()));
        Assert.Equal(1, responderSide.Counters.HandshakeFailures);
    }

    [Fact]
    public void The_responders_own_proof_cannot_be_reflected_back_as_the_initiators()
    {
        var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);
        var hello = HandshakeCodec.EncodeHello(TestNodes.Alpha(), new byte[WireProtocol.NonceSize]);
        var reply = HandshakePump.Feed(responder, [Frame(FrameKind.Handshake, hello)]);
        var (_, _, responderProof) = HandshakeCodec.DecodeReply(new ReadOnlySequence<byte>(reply.Single()[5..]));

        HandshakePump.Feed(responder, [Frame(FrameKind.HandshakeProof, responderProof)]);

        Assert.Equal(HandshakeRefusal.AuthenticationFailed, Assert.IsType<HandshakeRefused>(responder.Outcome).Reason);
    }

    [Fact]
    public void Protocol_ranges_that_do_not_overlap_are_refused_on_both_sides()
    {
        var pump = Pump(TestNodes.Alpha(minVersion: 1, maxVersion: 2), TestNodes.Beta(minVersion: 3, maxVersion: 4));

        pump.Run();

        var responder = Assert.IsType<HandshakeRefused>(pump.Responder.Outcome);
        var initiator = Assert.IsType<HandshakeRefused>(pump.Initiator.Outcome);
        Assert.Equal(HandshakeRefusal.NoCommonProtocolVersion, responder.Reason);
        Assert.Contains("1..2", responder.Detail, StringComparison.Ordinal);
        Assert.Contains("3..4", responder.Detail, StringComparison.Ordinal);
        Assert.Equal(HandshakeRefusal.PeerRefused, initiator.Reason);
        Assert.Contains("NoCommonProtocolVersion", initiator.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_choosing_a_version_the_initiator_does_not_speak_is_refused()
    {
        var initiator = new HandshakeInitiator(TestNodes.Alpha(1, 2), TestNodes.Secret, new SeededRandomSource(1), initiatorSide.Diagnostics);
        var hello = Start(initiator);
        var beta = TestNodes.Beta(1, 9);
        var betaHello = HandshakeCodec.EncodeHello(beta, new byte[WireProtocol.NonceSize]);
        var proof = HandshakeProofs.Compute(TestNodes.Secret, HandshakeRole.Responder, hello, betaHello, 9);

        HandshakePump.Feed(initiator, [Frame(FrameKind.HandshakeReply, HandshakeCodec.EncodeReply(betaHello, 9, proof))]);

        Assert.Equal(HandshakeRefusal.NoCommonProtocolVersion, Assert.IsType<HandshakeRefused>(initiator.Outcome).Reason);
    }

    [Fact]
    public void Bad_magic_is_refused_and_the_peer_is_told_why()
    {
        var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);
        var hello = HandshakeCodec.EncodeHello(TestNodes.Alpha(), new byte[WireProtocol.NonceSize]);
        "HTTP"u8.CopyTo(hello);

        var answer = HandshakePump.Feed(responder, [Frame(FrameKind.Handshake, hello)]);

        var refused = Assert.IsType<HandshakeRefused>(responder.Outcome);
        Assert.Equal(HandshakeRefusal.BadMagic, refused.Reason);
        Assert.Contains("48545450", refused.Detail, StringComparison.Ordinal);
        var close = ReadClose(answer.Single());
        Assert.Equal(CloseCode.HandshakeRefused, close.Code);
        Assert.StartsWith("BadMagic", close.Reason, StringComparison.Ordinal);
        Assert.Equal(1, responderSide.Counters.HandshakeFailures);
        Assert.Single(responderSide.Log.Lines(), line => line.Contains($"Handshake with {responderSide.Label} failed (BadMagic)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_handshake_format_version_is_refused()
    {
        var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);
        var hello = HandshakeCodec.EncodeHello(TestNodes.Alpha(), new byte[WireProtocol.NonceSize]);
        BinaryPrimitives.WriteUInt16BigEndian(hello.AsSpan(4), 2);

        HandshakePump.Feed(responder, [Frame(FrameKind.Handshake, hello)]);

        Assert.Equal(HandshakeRefusal.UnsupportedHandshakeFormat, Assert.IsType<HandshakeRefused>(responder.Outcome).Reason);
    }

    [Fact]
    public void A_message_as_the_first_frame_is_refused_by_the_responder()
    {
        var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);

        HandshakePump.Feed(responder, [MessageFrame()]);

        var refused = Assert.IsType<HandshakeRefused>(responder.Outcome);
        Assert.Equal(HandshakeRefusal.UnexpectedFrame, refused.Reason);
        Assert.Contains("Message frame", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(1, responderSide.Counters.HandshakeFailures);
    }

    [Fact]
    public void A_message_between_the_reply_and_the_proof_is_refused_by_the_responder()
    {
        var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);
        var hello = HandshakeCodec.EncodeHello(TestNodes.Alpha(), new byte[WireProtocol.NonceSize]);

        HandshakePump.Feed(responder, [Frame(FrameKind.Handshake, hello), MessageFrame()]);

        Assert.Equal(HandshakeRefusal.UnexpectedFrame, Assert.IsType<HandshakeRefused>(responder.Outcome).Reason);
    }

    [Fact]
    public void A_message_before_the_reply_is_refused_by_the_initiator()
    {
        var initiator = new HandshakeInitiator(TestNodes.Alpha(), TestNodes.Secret, new SeededRandomSource(1), initiatorSide.Diagnostics);
        Start(initiator);

        HandshakePump.Feed(initiator, [MessageFrame()]);

        Assert.Equal(HandshakeRefusal.UnexpectedFrame, Assert.IsType<HandshakeRefused>(initiator.Outcome).Reason);
        Assert.Equal(1, initiatorSide.Counters.HandshakeFailures);
    }

    [Fact]
    public void A_peer_claiming_our_own_node_id_is_refused_by_the_responder()
    {
        var pump = Pump(TestNodes.Node("same", 2551), TestNodes.Node("same", 2552));

        pump.Run();

        var responder = Assert.IsType<HandshakeRefused>(pump.Responder.Outcome);
        Assert.Equal(HandshakeRefusal.OwnNodeId, responder.Reason);
        Assert.Contains("'same'", responder.Detail, StringComparison.Ordinal);
        Assert.Equal(HandshakeRefusal.PeerRefused, Assert.IsType<HandshakeRefused>(pump.Initiator.Outcome).Reason);
    }

    [Fact]
    public void A_reply_claiming_our_own_node_id_is_refused_by_the_initiator_even_with_a_valid_proof()
    {
        var initiator = new HandshakeInitiator(TestNodes.Alpha(), TestNodes.Secret, new SeededRandomSource(1), initiatorSide.Diagnostics);
        var hello = Start(initiator);
        var impostorHello = HandshakeCodec.EncodeHello(TestNodes.Node("alpha", 2552), new byte[WireProtocol.NonceSize]);
        var proof = HandshakeProofs.Compute(TestNodes.Secret, HandshakeRole.Responder, hello, impostorHello, 1);

        HandshakePump.Feed(initiator, [Frame(FrameKind.HandshakeReply, HandshakeCodec.EncodeReply(impostorHello, 1, proof))]);

        Assert.Equal(HandshakeRefusal.OwnNodeId, Assert.IsType<HandshakeRefused>(initiator.Outcome).Reason);
    }

    [Fact]
    public void The_initiator_refuses_a_node_other_than_the_one_it_dialled()
    {
        var alpha = TestNodes.Alpha();
        var beta = TestNodes.Beta();
        var initiator = new HandshakeInitiator(alpha, TestNodes.Secret, new SeededRandomSource(1), initiatorSide.Diagnostics, expectedPeer: RemoteAddress.Parse("ca.tcp://cluster@127.0.0.1:2999"));
        var responder = new HandshakeResponder(beta, TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);

        new HandshakePump(initiator, responder).Run();

        var refused = Assert.IsType<HandshakeRefused>(initiator.Outcome);
        Assert.Equal(HandshakeRefusal.UnexpectedPeer, refused.Reason);
        Assert.Contains("127.0.0.1:2999", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_bytes_as_the_first_frame_are_always_refused_never_accepted()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var garbage = new byte[random.Next(1, 80)];
            random.NextBytes(garbage);
            if (seed % 2 == 0 && garbage.Length >= 5)
            {
                // Half the cases are framed correctly as a Handshake, so the garbage reaches the handshake parser.
                BinaryPrimitives.WriteInt32BigEndian(garbage, garbage.Length - 4);
                garbage[4] = (byte)FrameKind.Handshake;
            }

            var side = new TestPeer();
            var responder = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(seed), side.Diagnostics);
            var outcome = DriveLikeATransport(responder, garbage, side);

            var refused = Assert.IsType<HandshakeRefused>(outcome);
            Assert.True(side.Counters.HandshakeFailures == 1, $"seed {seed}: {refused}");
            var frameLevel = refused.Detail.StartsWith("a malformed frame", StringComparison.Ordinal);
            Assert.True(!frameLevel || side.Counters.MalformedFrames + side.Counters.OversizedFrames == 1, $"seed {seed}: {refused} was not counted as a bad frame");
        }
    }

    [Fact]
    public void A_recorded_initiator_handshake_cannot_be_replayed_against_a_new_responder_nonce()
    {
        var recorded = Pump(TestNodes.Alpha(), TestNodes.Beta(), initiatorSeed: 1, responderSeed: 2);
        recorded.Run();
        Assert.IsType<HandshakeAccepted>(recorded.Responder.Outcome);

        var fresh = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(3), responderSide.Diagnostics);
        HandshakePump.Feed(fresh, recorded.InitiatorFrames);

        var refused = Assert.IsType<HandshakeRefused>(fresh.Outcome);
        Assert.Equal(HandshakeRefusal.AuthenticationFailed, refused.Reason);

        // Control: the same replay against the recorded nonce succeeds, so only the fresh nonce defeated it.
        var sameNonce = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), new TestPeer().Diagnostics);
        HandshakePump.Feed(sameNonce, recorded.InitiatorFrames);
        Assert.IsType<HandshakeAccepted>(sameNonce.Outcome);
    }

    [Fact]
    public void A_recorded_reply_cannot_be_replayed_against_a_new_initiator_nonce()
    {
        var recorded = Pump(TestNodes.Alpha(), TestNodes.Beta(), initiatorSeed: 1, responderSeed: 2);
        recorded.Run();

        var fresh = new HandshakeInitiator(TestNodes.Alpha(), TestNodes.Secret, new SeededRandomSource(4), initiatorSide.Diagnostics);
        Start(fresh);
        HandshakePump.Feed(fresh, recorded.ResponderFrames);

        Assert.Equal(HandshakeRefusal.AuthenticationFailed, Assert.IsType<HandshakeRefused>(fresh.Outcome).Reason);

        var sameNonce = new HandshakeInitiator(TestNodes.Alpha(), TestNodes.Secret, new SeededRandomSource(1), new TestPeer().Diagnostics);
        Start(sameNonce);
        HandshakePump.Feed(sameNonce, recorded.ResponderFrames);
        Assert.IsType<HandshakeAccepted>(sameNonce.Outcome);
    }

    [Fact]
    public void A_seeded_random_source_makes_the_handshake_bytes_reproducible()
    {
        var first = Pump(TestNodes.Alpha(), TestNodes.Beta(), initiatorSeed: 5, responderSeed: 6);
        var second = Pump(TestNodes.Alpha(), TestNodes.Beta(), initiatorSeed: 5, responderSeed: 6);
        var other = Pump(TestNodes.Alpha(), TestNodes.Beta(), initiatorSeed: 7, responderSeed: 6);

        first.Run();
        second.Run();
        other.Run();

        Assert.Equal(first.InitiatorFrames, second.InitiatorFrames);
        Assert.Equal(first.ResponderFrames, second.ResponderFrames);
        Assert.NotEqual(first.InitiatorFrames[0], other.InitiatorFrames[0]);
    }

    [Fact]
    public void The_transport_can_abort_a_handshake_but_not_undo_an_accepted_one()
    {
        var pending = new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(2), responderSide.Diagnostics);
        var timedOut = Assert.IsType<HandshakeRefused>(pending.Abort("no handshake within 10s"));
        Assert.Equal(HandshakeRefusal.Aborted, timedOut.Reason);

        var pump = Pump(TestNodes.Alpha(), TestNodes.Beta());
        pump.Run();
        var accepted = pump.Responder.Outcome;
        Assert.Same(accepted, pump.Responder.Abort("connection lost"));
        Assert.Equal(1, responderSide.Counters.HandshakeFailures);
    }

    [Fact]
    public void Frames_after_completion_belong_to_the_connection_and_are_refused_by_the_state_machine()
    {
        var pump = Pump(TestNodes.Alpha(), TestNodes.Beta());
        pump.Run();

        var heartbeat = new Frame(FrameKind.Heartbeat, ReadOnlySequence<byte>.Empty);

        Assert.Throws<InvalidOperationException>(() => pump.Responder.Receive(heartbeat, new ArrayBufferWriter<byte>()));
        Assert.Throws<InvalidOperationException>(() => pump.Initiator.Receive(heartbeat, new ArrayBufferWriter<byte>()));
        Assert.Throws<InvalidOperationException>(() => pump.Initiator.Start(new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void Node_identities_are_validated_naming_the_bad_field()
    {
        var address = RemoteAddress.Create("sys", "host", 1);
        var versions = WireProtocol.SupportedVersions;
        Assert.Equal("nodeId", Assert.Throws<ArgumentException>(() => new NodeIdentity("bad id", address, 1, "0.1.0", versions)).ParamName);
        Assert.Equal("address", Assert.Throws<ArgumentException>(() => new NodeIdentity("n", new ClusterActors.Actors.Address("ca", "sys"), 1, "0.1.0", versions)).ParamName);
        Assert.Equal("incarnation", Assert.Throws<ArgumentException>(() => new NodeIdentity("n", address, 0, "0.1.0", versions)).ParamName);
        Assert.Equal("softwareVersion", Assert.Throws<ArgumentException>(() => new NodeIdentity("n", address, 1, "0.1 beta", versions)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolVersionRange(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolVersionRange(0, 2));
    }

    [Fact]
    public void Incarnations_are_non_zero_and_nonces_from_the_crypto_source_differ()
    {
        Assert.NotEqual(0, NodeIncarnation.New(new SeededRandomSource(0)));
        Assert.Equal(NodeIncarnation.New(new SeededRandomSource(9)), NodeIncarnation.New(new SeededRandomSource(9)));
        var a = new byte[32];
        var b = new byte[32];
        CryptoRandomSource.Instance.NextBytes(a);
        CryptoRandomSource.Instance.NextBytes(b);
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("horse", TestNodes.Secret.ToString(), StringComparison.Ordinal);
    }

    private HandshakePump Pump(NodeIdentity initiator, NodeIdentity responder, ClusterSecret? initiatorSecret = null, ClusterSecret? responderSecret = null, int initiatorSeed = 1, int responderSeed = 2) =>
        new(
            new HandshakeInitiator(initiator, initiatorSecret ?? TestNodes.Secret, new SeededRandomSource(initiatorSeed), initiatorSide.Diagnostics),
            new HandshakeResponder(responder, responderSecret ?? TestNodes.Secret, new SeededRandomSource(responderSeed), responderSide.Diagnostics));

    private static byte[] Start(HandshakeInitiator initiator)
    {
        var output = new ArrayBufferWriter<byte>();
        initiator.Start(output);
        return output.WrittenSpan[5..].ToArray();
    }

    private static HandshakeOutcome DriveLikeATransport(HandshakeResponder responder, byte[] received, TestPeer side)
    {
        var decoder = side.Decoder(FrameLimits.HandshakeMaxFrameSize);
        var buffer = new ReadOnlySequence<byte>(received);
        var output = new ArrayBufferWriter<byte>();
        try
        {
            while (!responder.IsCompleted && decoder.TryReadFrame(ref buffer, out var frame))
            {
                responder.Receive(frame, output);
            }

            if (!responder.IsCompleted)
            {
                decoder.CompleteAtEndOfStream(buffer);
                responder.Abort("the connection closed before the handshake completed");
            }
        }
        catch (MalformedFrameException error)
        {
            responder.Abort(error);
        }

        return responder.Outcome;
    }

    private static byte[] Frame(FrameKind kind, byte[] payload)
    {
        var output = new ArrayBufferWriter<byte>();
        new FrameEncoder(FrameLimits.DefaultMaxFrameSize, new TestPeer().Diagnostics).WriteFrame(output, kind, payload);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] MessageFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        new FrameEncoder(FrameLimits.DefaultMaxFrameSize, new TestPeer().Diagnostics).WriteMessage(output, "/user/x", null, "test.ping", "{}"u8);
        return output.WrittenSpan.ToArray();
    }

    private static FrameKind KindOf(byte[] frame) => (FrameKind)frame[4];

    private static CloseNotice ReadClose(byte[] frame)
    {
        var buffer = new ReadOnlySequence<byte>(frame);
        var decoder = new TestPeer().Decoder();
        Assert.True(decoder.TryReadFrame(ref buffer, out var decoded));
        return decoder.ReadClose(decoded);
    }
}
