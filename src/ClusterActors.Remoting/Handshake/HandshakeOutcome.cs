namespace ClusterActors.Remoting;

/// <summary>Where a handshake stands after a step: still going, accepted, or refused.</summary>
public abstract record HandshakeOutcome
{
    private protected HandshakeOutcome()
    {
    }

    /// <summary>True once the handshake is accepted or refused.</summary>
    public abstract bool IsCompleted { get; }
}

/// <summary>The handshake needs more frames from the peer.</summary>
public sealed record HandshakePending : HandshakeOutcome
{
    private HandshakePending()
    {
    }

    /// <summary>The one instance.</summary>
    public static HandshakePending Instance { get; } = new();

    /// <inheritdoc />
    public override bool IsCompleted => false;
}

/// <summary>Both sides proved the cluster secret: <paramref name="Peer"/> is authenticated and frames of <paramref name="ProtocolVersion"/> may flow.</summary>
public sealed record HandshakeAccepted(NodeIdentity Peer, int ProtocolVersion) : HandshakeOutcome
{
    /// <inheritdoc />
    public override bool IsCompleted => true;
}

/// <summary>The handshake failed for <paramref name="Reason"/>; nothing the peer sent may be delivered, and the connection closes.</summary>
public sealed record HandshakeRefused(HandshakeRefusal Reason, string Detail) : HandshakeOutcome
{
    /// <inheritdoc />
    public override bool IsCompleted => true;
}
