using System.Buffers;

namespace ClusterActors.Remoting;

/// <summary>
/// The side that accepted the connection: answers the initiator's hello with its own hello, the chosen
/// version and its proof, then is accepted once the initiator's proof checks out.
/// </summary>
/// <remarks>
/// Sequence: a Handshake(hello) is checked (magic, format, not our own node id, overlapping protocol
/// versions; the highest common version is chosen) and answered with HandshakeReply; a HandshakeProof
/// that matches the cluster secret and both nonces completes it. Any other frame before that refuses.
/// </remarks>
public sealed class HandshakeResponder : HandshakeParticipant
{
    private HandshakeHello? initiator;
    private byte[]? reply;
    private int chosen;

    /// <summary>Creates the responder for an accepted connection.</summary>
    public HandshakeResponder(NodeIdentity local, ClusterSecret secret, IRandomSource random, PeerDiagnostics diagnostics)
        : base(local, secret, random, diagnostics)
    {
    }

    private protected override HandshakeOutcome OnFrame(in Frame frame, IBufferWriter<byte> output) =>
        initiator is null ? OnHello(frame, output) : OnProof(frame);

    private HandshakePending OnHello(in Frame frame, IBufferWriter<byte> output)
    {
        if (frame.Kind != FrameKind.Handshake)
        {
            throw Unexpected(frame.Kind, "the initiator's Handshake");
        }

        var hello = HandshakeCodec.DecodeHello(frame.Payload);
        var peer = hello.Identity;
        RequireNotOwnNodeId(peer);
        chosen = Local.SupportedVersions.HighestCommon(peer.SupportedVersions)
            ?? throw new HandshakeViolation(HandshakeRefusal.NoCommonProtocolVersion, $"node '{peer.NodeId}' at {peer.Address} speaks protocol versions {peer.SupportedVersions}; this node speaks {Local.SupportedVersions}.");

        reply = HandshakeCodec.EncodeHello(Local, NewNonce());
        var proof = HandshakeProofs.Compute(Secret, HandshakeRole.Responder, hello.Encoded, reply, chosen);
        Encoder.WriteFrame(output, FrameKind.HandshakeReply, HandshakeCodec.EncodeReply(reply, chosen, proof));
        initiator = hello;
        return HandshakePending.Instance;
    }

    private HandshakeOutcome OnProof(in Frame frame)
    {
        if (frame.Kind != FrameKind.HandshakeProof)
        {
            throw Unexpected(frame.Kind, "the initiator's HandshakeProof");
        }

        var proof = HandshakeCodec.DecodeProof(frame.Payload);
        var peer = initiator!.Identity;
        if (!HandshakeProofs.Verify(proof, Secret, HandshakeRole.Initiator, initiator.Encoded, reply!, chosen))
        {
            throw new HandshakeViolation(HandshakeRefusal.AuthenticationFailed, $"the initiator's proof from {peer.Address} does not match: the cluster secrets differ (or the proof is replayed).");
        }

        return Accept(peer, chosen);
    }
}
