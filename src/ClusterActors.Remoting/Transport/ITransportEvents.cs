using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>What a transport reports to the remoting layer above it.</summary>
/// <remarks>Calls come from the transport's receive path: implementations must not block.</remarks>
public interface ITransportEvents
{
    /// <summary>
    /// A message from an authenticated <paramref name="peer"/>; calls for one peer come one at a time,
    /// in arrival order. The envelope's payload is valid only during the call.
    /// </summary>
    void OnMessage(NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope);

    /// <summary>
    /// An authenticated <paramref name="peer"/> announced its own failure (SPEC S6): the notice names
    /// exactly that peer's node id and incarnation (a frame naming anyone else is counted as forged and
    /// not raised). Comes in order with the peer's messages.
    /// </summary>
    void OnDistress(NodeIdentity peer, PeerDiagnostics diagnostics, DistressNotice notice);

    /// <summary>
    /// An incarnation of a peer is gone for good: a newer incarnation at the same address completed
    /// a handshake, the peer closed with a shutdown notice, or it was quarantined. Raised once per
    /// (address, incarnation).
    /// </summary>
    void OnIncarnationGone(Address address, long incarnation, string reason);
}
