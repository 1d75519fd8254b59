namespace ClusterActors.Remoting;

/// <summary>A message cannot be sent to another node because its type has no registered type id.</summary>
public sealed class UnregisteredMessageTypeException : Exception
{
    /// <summary>Creates the error for <paramref name="messageType"/>.</summary>
    public UnregisteredMessageTypeException(Type messageType)
        : base($"Cannot serialize {messageType}: no message type id is registered for it. Register it with registry.Register<{messageType?.Name}>(\"some.stable.name\", MyJsonContext.Default.{messageType?.Name}).")
    {
        MessageType = messageType;
    }

    /// <summary>Creates the exception.</summary>
    public UnregisteredMessageTypeException()
        : base("A message type has no registered type id.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnregisteredMessageTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnregisteredMessageTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The type without a type id.</summary>
    public Type? MessageType { get; }
}
