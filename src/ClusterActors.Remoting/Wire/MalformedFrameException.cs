namespace ClusterActors.Remoting;

/// <summary>A frame that breaks the wire format; the connection it came on must be closed.</summary>
public sealed class MalformedFrameException : Exception
{
    /// <summary>Creates the error: <paramref name="detail"/> says what is wrong, <paramref name="peer"/> where the frame came from.</summary>
    public MalformedFrameException(FrameError error, string detail, string? peer = null)
        : base(peer is null ? $"Malformed frame ({error}): {detail}" : $"Malformed frame from {peer} ({error}): {detail}")
    {
        Error = error;
        Detail = detail;
        Peer = peer;
    }

    /// <summary>Creates the exception.</summary>
    public MalformedFrameException()
        : this(FrameError.InvalidBody, "The frame does not follow the wire format.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public MalformedFrameException(string message)
        : this(FrameError.InvalidBody, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MalformedFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = FrameError.InvalidBody;
        Detail = message;
    }

    /// <summary>What is wrong.</summary>
    public FrameError Error { get; }

    /// <summary>The specifics, without the peer.</summary>
    public string Detail { get; }

    /// <summary>Where the frame came from, when known.</summary>
    public string? Peer { get; }

    /// <summary>The same error, naming <paramref name="peer"/>.</summary>
    public MalformedFrameException WithPeer(string peer) => new(Error, Detail, peer);
}
