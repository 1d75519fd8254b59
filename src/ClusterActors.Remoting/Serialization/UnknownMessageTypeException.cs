namespace ClusterActors.Remoting;

/// <summary>A message arrived whose type id is not registered on this node; it was counted, logged and must be dropped.</summary>
public sealed class UnknownMessageTypeException : Exception
{
    /// <summary>Creates the error for <paramref name="typeId"/> received from <paramref name="peer"/>.</summary>
    public UnknownMessageTypeException(string typeId, string? peer)
        : base($"Unknown message type id '{typeId}'{(peer is null ? string.Empty : $" from {peer}")}: it is not registered on this node.")
    {
        TypeId = typeId;
        Peer = peer;
    }

    /// <summary>Creates the exception.</summary>
    public UnknownMessageTypeException()
        : base("Unknown message type id.")
    {
        TypeId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public UnknownMessageTypeException(string message)
        : base(message)
    {
        TypeId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public UnknownMessageTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
        TypeId = string.Empty;
    }

    /// <summary>The unregistered type id.</summary>
    public string TypeId { get; }

    /// <summary>Where the message came from, when known.</summary>
    public string? Peer { get; }
}
