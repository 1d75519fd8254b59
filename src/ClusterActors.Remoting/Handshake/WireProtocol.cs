namespace ClusterActors.Remoting;

/// <summary>The constants that identify this wire protocol.</summary>
public static class WireProtocol
{
    /// <summary>The newest wire-protocol version this build speaks.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The layout version of the handshake frames themselves (independent of the negotiated protocol).</summary>
    public const int HandshakeFormatVersion = 1;

    /// <summary>Bytes in a handshake nonce.</summary>
    public const int NonceSize = 32;

    /// <summary>Bytes in a handshake proof (an HMAC-SHA256).</summary>
    public const int ProofSize = 32;

    /// <summary>The versions this build speaks.</summary>
    public static ProtocolVersionRange SupportedVersions { get; } = new(1, CurrentVersion);

    /// <summary>The first four bytes of every handshake: ASCII "CAct".</summary>
    public static ReadOnlySpan<byte> Magic => "CAct"u8;
}
