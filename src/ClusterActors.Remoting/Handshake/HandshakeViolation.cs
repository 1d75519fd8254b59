namespace ClusterActors.Remoting;

/// <summary>Internal control flow: a handshake frame that must be refused for <see cref="Reason"/>.</summary>
internal sealed class HandshakeViolation : Exception
{
    public HandshakeViolation(HandshakeRefusal reason, string detail)
        : base(detail)
    {
        Reason = reason;
    }

    public HandshakeViolation()
        : this(HandshakeRefusal.Malformed, "The handshake is malformed.")
    {
    }

    public HandshakeViolation(string message)
        : this(HandshakeRefusal.Malformed, message)
    {
    }

    public HandshakeViolation(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = HandshakeRefusal.Malformed;
    }

    public HandshakeRefusal Reason { get; }
}
