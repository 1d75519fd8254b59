namespace ClusterActors.Remoting;

/// <summary>Why a handshake was refused.</summary>
public enum HandshakeRefusal
{
    /// <summary>The first four bytes were not "CAct": not a ClusterActors node.</summary>
    BadMagic,

    /// <summary>The handshake frames use a layout version this node does not read.</summary>
    UnsupportedHandshakeFormat,

    /// <summary>The two nodes' protocol version ranges do not overlap (or the reply chose a version outside them).</summary>
    NoCommonProtocolVersion,

    /// <summary>The peer's proof is wrong: a different cluster secret, or a replayed handshake.</summary>
    AuthenticationFailed,

    /// <summary>A frame other than the next handshake frame arrived (e.g. a Message before the handshake completed).</summary>
    UnexpectedFrame,

    /// <summary>The peer claims this node's own node id.</summary>
    OwnNodeId,

    /// <summary>The peer is not the node this side meant to reach (its address differs).</summary>
    UnexpectedPeer,

    /// <summary>The handshake bytes break the format (bad lengths, invalid fields, garbage).</summary>
    Malformed,

    /// <summary>The peer refused and closed the connection; the detail carries its reason.</summary>
    PeerRefused,

    /// <summary>The transport gave up (timeout, connection lost) before the handshake completed.</summary>
    Aborted,
}
