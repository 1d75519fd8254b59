using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ClusterActors.Remoting;

/// <summary>Which side of a handshake computes a proof; each side's proof has its own label, so one can never stand in for the other.</summary>
internal enum HandshakeRole
{
    Initiator,
    Responder,
}

/// <summary>
/// Handshake proofs: HMAC-SHA256(cluster secret, label ‖ u32 len ‖ initiator hello ‖ u32 len ‖ responder hello ‖ u16 chosen version).
/// Each hello holds its side's nonce, node id, address and incarnation, so a proof is bound to both
/// fresh nonces and to everything both sides claimed: a recorded proof fails against a new nonce.
/// </summary>
internal static class HandshakeProofs
{
    private static ReadOnlySpan<byte> InitiatorLabel => "CAct handshake v1 initiator proof"u8;

    private static ReadOnlySpan<byte> ResponderLabel => "CAct handshake v1 responder proof"u8;

    public static byte[] Compute(ClusterSecret secret, HandshakeRole prover, byte[] initiatorHello, byte[] responderHello, int chosenVersion)
    {
        var label = prover == HandshakeRole.Initiator ? InitiatorLabel : ResponderLabel;
        var input = new byte[label.Length + 4 + initiatorHello.Length + 4 + responderHello.Length + 2];
        var span = input.AsSpan();
        label.CopyTo(span);
        span = span[label.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, initiatorHello.Length);
        initiatorHello.CopyTo(span[4..]);
        span = span[(4 + initiatorHello.Length)..];
        BinaryPrimitives.WriteInt32BigEndian(span, responderHello.Length);
        responderHello.CopyTo(span[4..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(4 + responderHello.Length)..], (ushort)chosenVersion);
        return HMACSHA256.HashData(secret.Key, input);
    }

    public static bool Verify(ReadOnlySpan<byte> received, ClusterSecret secret, HandshakeRole prover, byte[] initiatorHello, byte[] responderHello, int chosenVersion) =>
        CryptographicOperations.FixedTimeEquals(received, Compute(secret, prover, initiatorHello, responderHello, chosenVersion));
}
