using System.Buffers;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>
/// The side that opened the connection: sends its hello, checks the responder's reply and proof,
/// then sends its own proof and is accepted.
/// </summary>
/// <remarks>
/// Sequence: <see cref="Start"/> writes Handshake(hello); a HandshakeReply is verified (magic, format,
/// the responder's HMAC, not our own node id, the expected address, a chosen version both sides
/// speak) and answered with HandshakeProof, and the outcome is accepted. The initiator may send
/// messages right after its proof; a responder that rejects the proof closes the connection.
/// </remarks>
public sealed class HandshakeInitiator : HandshakeParticipant
{
    private readonly Address? expectedPeer;
    private byte[]? hello;

    /// <summary>Creates the initiator for a connection to <paramref name="expectedPeer"/> (null: accept whichever node answers).</summary>
    public HandshakeInitiator(NodeIdentity local, ClusterSecret secret, IRandomSource random, PeerDiagnostics diagnostics, Address? expectedPeer = null)
        : base(local, secret, random, diagnostics)
    {
        this.expectedPeer = expectedPeer;
    }

    /// <summary>Writes the initiator's hello, the first frame on the connection.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (hello is not null)
        {
            throw new InvalidOperationException($"The handshake with {Diagnostics.Peer} has already started.");
        }

        hello = HandshakeCodec.EncodeHello(Local, NewNonce());
        Encoder.WriteFrame(output, FrameKind.Handshake, hello);
    }

    private protected override HandshakeOutcome OnFrame(in Frame frame, IBufferWriter<byte> output)
    {
        if (hello is null)
        {
            throw new InvalidOperationException($"Call Start before feeding frames from {Diagnostics.Peer}.");
        }

        if (frame.Kind != FrameKind.HandshakeReply)
        {
            throw Unexpected(frame.Kind, "the HandshakeReply");
        }

        var (reply, chosen, proof) = HandshakeCodec.DecodeReply(frame.Payload);
        var peer = reply.Identity;
        if (!HandshakeProofs.Verify(proof, Secret, HandshakeRole.Responder, hello, reply.Encoded, chosen))
        {
            throw new HandshakeViolation(HandshakeRefusal.AuthenticationFailed, $"the responder's proof from {peer.Address} does not match: the cluster secrets differ (or the reply is replayed).");
        }

        RequireNotOwnNodeId(peer);
        if (expectedPeer is not null && !expectedPeer.Equals(peer.Address))
        {
            throw new HandshakeViolation(HandshakeRefusal.UnexpectedPeer, $"expected {expectedPeer} but node '{peer.NodeId}' answered as {peer.Address}.");
        }

        if (!Local.SupportedVersions.Contains(chosen) || !peer.SupportedVersions.Contains(chosen))
        {
            throw new HandshakeViolation(HandshakeRefusal.NoCommonProtocolVersion, $"the responder chose protocol version {chosen}, outside ours ({Local.SupportedVersions}) or its own ({peer.SupportedVersions}).");
        }

        Encoder.WriteFrame(output, FrameKind.HandshakeProof, HandshakeProofs.Compute(Secret, HandshakeRole.Initiator, hello, reply.Encoded, chosen));
        return Accept(peer, chosen);
    }
}
