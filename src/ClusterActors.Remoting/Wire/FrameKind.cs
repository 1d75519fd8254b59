namespace ClusterActors.Remoting;

/// <summary>The first byte of every frame body: what the rest of the body is.</summary>
/// <remarks>
/// Values are wire constants and never change meaning. 0 is never valid (a zeroed buffer is not a
/// frame). New kinds take new numbers and are only sent once the handshake has negotiated a
/// protocol version that knows them; a node that does not know a kind closes the connection.
/// </remarks>
public enum FrameKind : byte
{
    /// <summary>Initiator → responder: the initiator's hello (magic, versions, identity, nonce).</summary>
    Handshake = 1,

    /// <summary>Responder → initiator: the responder's hello, the chosen protocol version and its proof.</summary>
    HandshakeReply = 2,

    /// <summary>Initiator → responder: the initiator's proof; the handshake is complete after it.</summary>
    HandshakeProof = 3,

    /// <summary>A message envelope: recipient, sender, type id, payload.</summary>
    Message = 4,

    /// <summary>A keep-alive; its body is defined by the heartbeat protocol.</summary>
    Heartbeat = 5,

    /// <summary>A distress signal (a node announcing its own failure); its body is defined by the distress protocol.</summary>
    Distress = 6,

    /// <summary>The sender is closing the connection: a code and a reason.</summary>
    Close = 7,
}
