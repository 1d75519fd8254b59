namespace ClusterActors.Remoting;

/// <summary>Why a Close frame's sender is closing the connection (the first payload byte).</summary>
/// <remarks>Codes a receiver does not know are kept as their number: a Close is always honoured.</remarks>
public enum CloseCode : byte
{
    /// <summary>The sender is shutting down or leaving.</summary>
    Shutdown = 1,

    /// <summary>The sender refused the handshake; the reason says why.</summary>
    HandshakeRefused = 2,

    /// <summary>The sender received a frame that broke the wire protocol.</summary>
    ProtocolError = 3,
}
