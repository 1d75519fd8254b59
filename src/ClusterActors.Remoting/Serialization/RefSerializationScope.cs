using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Which node, and when reading which peer, a message is being (de)serialized for, so refs inside it can be written and resolved.</summary>
/// <remarks>Thread-static, like Akka's current transport information: JSON converters have no other way to reach it.</remarks>
internal readonly struct RefSerializationScope : IDisposable
{
    [ThreadStatic]
    private static RemoteRefs? currentRefs;

    [ThreadStatic]
    private static NodeIdentity? currentPeer;

    private readonly RemoteRefs? previousRefs;
    private readonly NodeIdentity? previousPeer;

    private RefSerializationScope(RemoteRefs refs, NodeIdentity? peer)
    {
        previousRefs = currentRefs;
        previousPeer = currentPeer;
        currentRefs = refs;
        currentPeer = peer;
    }

    /// <summary>Makes <paramref name="refs"/> (and the <paramref name="peer"/> a message came from, if reading) current until disposed.</summary>
    public static RefSerializationScope Enter(RemoteRefs refs, NodeIdentity? peer = null) => new(refs, peer);

    /// <summary>The ref a path read from a message stands for on this node.</summary>
    public static IActorRef ResolveFromWire(string path) => Refs.ResolveFromWire(path, currentPeer);

    /// <summary>The path a ref is written as.</summary>
    public static string PathForWire(IActorRef actor) => Refs.PathForWire(actor);

    /// <inheritdoc />
    public void Dispose()
    {
        currentRefs = previousRefs;
        currentPeer = previousPeer;
    }

    private static RemoteRefs Refs => currentRefs
        ?? throw new InvalidOperationException("An actor ref can only be (de)serialized by remoting, while it sends or receives a message.");
}
