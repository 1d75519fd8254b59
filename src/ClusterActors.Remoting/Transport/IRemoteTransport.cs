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

    /// <summary>
    /// Writes a pre-formed distress <paramref name="frame"/> (what <see cref="DistressFrame.Fill"/> returned)
    /// to <paramref name="target"/> synchronously, on the calling thread, ahead of anything still queued
    /// for it (SPEC S3, the synchronous way). It needs a connection that is already up (see
    /// <see cref="EnsureConnected"/>): a dying node does not dial. Allocates nothing when it succeeds.
    /// </summary>
    /// <param name="target">The node to tell.</param>
    /// <param name="frame">One whole Distress frame, written as is.</param>
    /// <param name="timeout">The longest the caller is blocked (waiting for the connection's writer, then sending).</param>
    /// <returns>True once the bytes were handed to the network; false (counted in <see cref="RemotingCounters.DistressWriteFailures"/> and logged naming the target) when there is no usable connection, the link is cut, or the timeout passed.</returns>
    /// <exception cref="ArgumentException"><paramref name="frame"/> is not one whole Distress frame.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive and finite.</exception>
    bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout);

    /// <summary>Makes sure a connection to <paramref name="target"/> is (being) established, so a later <see cref="WriteDistress"/> finds one open. Does not block.</summary>
    void EnsureConnected(Address target);

    /// <summary>Declares an incarnation of a peer gone for good: its queued messages are dropped, its connections refused, and <see cref="ITransportEvents.OnIncarnationGone"/> raised if it had not been.</summary>
    void Quarantine(Address address, long incarnation, string reason);

    /// <summary>Graceful stop: flushes what is queued (bounded by <paramref name="cancellationToken"/>), tells every peer it is shutting down, stops listening. Idempotent.</summary>
    Task ShutdownAsync(CancellationToken cancellationToken = default);

    /// <summary>Crash-stop, for tests of failure: drops every connection and queue at once without telling anyone. Idempotent.</summary>
    void Abort();
}
