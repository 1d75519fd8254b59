namespace ClusterActors.Remoting;

/// <summary>Sizes of the frame layout and the limits a connection enforces.</summary>
public static class FrameLimits
{
    /// <summary>Bytes in the big-endian length prefix.</summary>
    public const int LengthPrefixSize = 4;

    /// <summary>The default largest body (kind byte + payload) a connection accepts.</summary>
    public const int DefaultMaxFrameSize = 256 * 1024;

    /// <summary>The largest body accepted before the handshake completes: an unauthenticated peer cannot make a node buffer more.</summary>
    public const int HandshakeMaxFrameSize = 4096;

    /// <summary>The smallest maximum frame size that may be configured.</summary>
    public const int MinimumMaxFrameSize = 64;

    /// <summary>The largest maximum frame size that may be configured.</summary>
    public const int MaximumMaxFrameSize = 64 * 1024 * 1024;

    /// <summary>Throws unless <paramref name="maxFrameSize"/> is within <see cref="MinimumMaxFrameSize"/>..<see cref="MaximumMaxFrameSize"/>.</summary>
    public static void Validate(int maxFrameSize)
    {
        if (maxFrameSize is < MinimumMaxFrameSize or > MaximumMaxFrameSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFrameSize), maxFrameSize, $"The maximum frame size must be {MinimumMaxFrameSize}..{MaximumMaxFrameSize} bytes.");
        }
    }
}
