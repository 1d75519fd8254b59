namespace ClusterActors.Remoting;

/// <summary>A message's payload did not deserialize as its registered type; it was counted, logged and must be dropped.</summary>
public sealed class UndeserializablePayloadException : Exception
{
    /// <summary>Creates the error for a <paramref name="typeId"/> payload from <paramref name="peer"/> that failed with <paramref name="innerException"/>.</summary>
    public UndeserializablePayloadException(string typeId, string? peer, Exception innerException)
        : base($"The '{typeId}' payload{(peer is null ? string.Empty : $" from {peer}")} does not deserialize: {innerException?.Message}", innerException)
    {
        TypeId = typeId;
        Peer = peer;
    }

    /// <summary>Creates the exception.</summary>
    public UndeserializablePayloadException()
        : base("A payload does not deserialize.")
    {
        TypeId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public UndeserializablePayloadException(string message)
        : base(message)
    {
        TypeId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public UndeserializablePayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
        TypeId = string.Empty;
    }

    /// <summary>The type id the payload claimed.</summary>
    public string TypeId { get; }

    /// <summary>Where the message came from, when known.</summary>
    public string? Peer { get; }
}
