using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Moves serialized messages between authenticated nodes: TCP in production, an in-memory network in the simulator.</summary>
/// <remarks>
/// Lifecycle: <see cref="BindAsync"/> (the address becomes final, e.g. port 0 resolved), then
/// <see cref="Start"/> (connections are accepted and messages delivered), then
/// <see cref="ShutdownAsync"/> (graceful: peers hear a Close) or <see cref="Abort"/> (a crash: no goodbye).
/// Messages from this node to one peer arrive in the order they were sent, unless a fault injector
/// reorders them; a message may be lost when a connection breaks (at-most-once, as in Akka).
/// </remarks>
public interface IRemoteTransport : IAsyncDisposable
{
    /// <summary>This node as peers see it; valid once <see cref="BindAsync"/> completed.</summary>
    NodeIdentity LocalIdentity { get; }

    /// <summary>Counts of frames, bad input and drops, shared by all connections of this node.</summary>
    RemotingCounters Counters { get; }

    /// <summary>Claims the listening endpoint and returns this node's final address. Does not accept connections yet.</summary>
    Task<Address> BindAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts accepting peers and delivering what they send to <paramref name="events"/>.</summary>
    void Start(ITransportEvents events);

    /// <summary>Queues <paramref name="envelope"/> for its target node without blocking.</summary>
    /// <returns>False when the message will not be sent (the target incarnation is gone, the queue is full, the transport stopped); the drop was already counted and logged.</returns>
    bool Send(OutboundEnvelope envelope);

    /// <summary>Declares an incarnation of a peer gone for good: its queued messages are dropped, its connections refused, and <see cref="ITransportEvents.OnIncarnationGone"/> raised if it had not been.</summary>
    void Quarantine(Address address, long incarnation, string reason);

    /// <summary>Graceful stop: flushes what is queued (bounded by <paramref name="cancellationToken"/>), tells every peer it is shutting down, stops listening. Idempotent.</summary>
    Task ShutdownAsync(CancellationToken cancellationToken = default);

    /// <summary>Crash-stop, for tests of failure: drops every connection and queue at once without telling anyone. Idempotent.</summary>
    void Abort();
}
