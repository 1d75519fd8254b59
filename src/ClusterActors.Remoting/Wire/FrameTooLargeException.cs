namespace ClusterActors.Remoting;

/// <summary>An outbound frame would exceed the maximum frame size, so the peer would refuse it; nothing was written.</summary>
public sealed class FrameTooLargeException : Exception
{
    /// <summary>Creates the error for a <paramref name="kind"/> frame whose body would be <paramref name="bodyLength"/> bytes.</summary>
    public FrameTooLargeException(FrameKind kind, long bodyLength, int maxFrameSize, string? detail = null)
        : base($"A {kind} frame of {bodyLength} bytes exceeds the maximum frame size of {maxFrameSize} bytes{(detail is null ? "." : $": {detail}")}")
    {
        Kind = kind;
        BodyLength = bodyLength;
        MaxFrameSize = maxFrameSize;
    }

    /// <summary>Creates the exception.</summary>
    public FrameTooLargeException()
        : base("A frame exceeds the maximum frame size.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public FrameTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FrameTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The kind of frame that was not written.</summary>
    public FrameKind Kind { get; }

    /// <summary>The body length it would have had.</summary>
    public long BodyLength { get; }

    /// <summary>The limit it exceeded.</summary>
    public int MaxFrameSize { get; }
}
