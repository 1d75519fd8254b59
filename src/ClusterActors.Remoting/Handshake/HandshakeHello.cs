namespace ClusterActors.Remoting;

/// <summary>A decoded hello (the common part of Handshake and HandshakeReply): the sender's identity, its nonce, and the exact bytes, which the proofs cover.</summary>
internal sealed record HandshakeHello(NodeIdentity Identity, byte[] Nonce, byte[] Encoded);
