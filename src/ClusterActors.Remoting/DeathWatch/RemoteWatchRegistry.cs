using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>
/// Every death watch that crosses a node boundary, by remote address, so that when a run of a node is
/// gone its watched actors can be reported terminated and its watchers forgotten.
/// </summary>
internal sealed class RemoteWatchRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<Address, HashSet<(RemoteActorRef Watchee, InternalActorRef Watcher)>> outgoing = [];
    private readonly Dictionary<Address, HashSet<(InternalActorRef Watchee, RemoteActorRef Watcher)>> incoming = [];

    /// <summary>A local <paramref name="watcher"/> watches a remote <paramref name="watchee"/>.</summary>
    public void AddOutgoing(RemoteActorRef watchee, InternalActorRef watcher)
    {
        lock (gate)
        {
            SetFor(outgoing, watchee.Path.Address).Add((watchee, watcher));
        }
    }

    /// <summary>Forgets a local watch of a remote actor; a notification carrying the actor's Uid also removes a watch made by path alone.</summary>
    public void RemoveOutgoing(RemoteActorRef watchee, InternalActorRef watcher)
    {
        lock (gate)
        {
            if (outgoing.TryGetValue(watchee.Path.Address, out var set)
                && !set.Remove((watchee, watcher))
                && watchee.Path.Uid != ActorPath.UndefinedUid)
            {
                set.Remove((new RemoteActorRef(watchee.Refs, watchee.Path.WithUid(ActorPath.UndefinedUid), watchee.Incarnation), watcher));
            }
        }
    }

    /// <summary>A remote <paramref name="watcher"/> watches a local <paramref name="watchee"/>.</summary>
    public void AddIncoming(InternalActorRef watchee, RemoteActorRef watcher)
    {
        lock (gate)
        {
            SetFor(incoming, watcher.Path.Address).Add((watchee, watcher));
        }
    }

    /// <summary>Forgets a remote watch of a local actor.</summary>
    public void RemoveIncoming(InternalActorRef watchee, RemoteActorRef watcher)
    {
        lock (gate)
        {
            if (incoming.TryGetValue(watcher.Path.Address, out var set))
            {
                set.Remove((watchee, watcher));
            }
        }
    }

    /// <summary>Removes and returns the watches that involve run <paramref name="incarnation"/> of the node at <paramref name="address"/> (and refs that follow any run).</summary>
    public (List<(RemoteActorRef Watchee, InternalActorRef Watcher)> Outgoing, List<(InternalActorRef Watchee, RemoteActorRef Watcher)> Incoming) TakeAll(Address address, long incarnation)
    {
        lock (gate)
        {
            return (Take(outgoing, address, incarnation, static pair => pair.Watchee.Incarnation),
                    Take(incoming, address, incarnation, static pair => pair.Watcher.Incarnation));
        }
    }

    /// <summary>Watches currently recorded (outgoing, incoming), for diagnostics and tests.</summary>
    public (int Outgoing, int Incoming) Count()
    {
        lock (gate)
        {
            return (outgoing.Values.Sum(set => set.Count), incoming.Values.Sum(set => set.Count));
        }
    }

    private static HashSet<T> SetFor<T>(Dictionary<Address, HashSet<T>> byAddress, Address address)
    {
        if (!byAddress.TryGetValue(address, out var set))
        {
            set = [];
            byAddress[address] = set;
        }

        return set;
    }

    private static List<T> Take<T>(Dictionary<Address, HashSet<T>> byAddress, Address address, long incarnation, Func<T, long?> incarnationOf)
    {
        if (!byAddress.TryGetValue(address, out var set))
        {
            return [];
        }

        var taken = set.Where(pair => incarnationOf(pair) is null || incarnationOf(pair) == incarnation).ToList();
        set.ExceptWith(taken);
        if (set.Count == 0)
        {
            byAddress.Remove(address);
        }

        return taken;
    }
}
