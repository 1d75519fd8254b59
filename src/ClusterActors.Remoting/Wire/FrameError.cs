namespace ClusterActors.Remoting;

/// <summary>What is wrong with a malformed frame.</summary>
public enum FrameError
{
    /// <summary>The length prefix is negative (a value of 2^31 or more).</summary>
    NegativeLength,

    /// <summary>The length prefix is 0: there is not even a kind byte.</summary>
    EmptyFrame,

    /// <summary>The length prefix exceeds the connection's maximum frame size.</summary>
    Oversized,

    /// <summary>The kind byte is not a <see cref="FrameKind"/> this node knows.</summary>
    UnknownKind,

    /// <summary>The stream ended inside a frame.</summary>
    TruncatedStream,

    /// <summary>The body does not follow the layout of its kind (bad string lengths, invalid UTF-8, bad flags, trailing bytes).</summary>
    InvalidBody,
}
