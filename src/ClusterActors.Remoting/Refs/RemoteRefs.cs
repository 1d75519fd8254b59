using System.Collections.Concurrent;
using ClusterActors.Actors;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>
/// One node's remote side: makes refs from paths, writes refs as paths, serializes and queues what
/// remote refs are told, carries death watch across the wire, and remembers which runs of other
/// nodes are gone.
/// </summary>
internal sealed class RemoteRefs
{
    private const int MaxCachedSenders = 10_000;

    private readonly IRemoteTransport transport;
    private readonly MessageSerializer serializer;
    private readonly ConcurrentDictionary<(Address Address, long Incarnation), string> gone = new();
    private readonly ConcurrentDictionary<(string Path, long? Incarnation), IActorRef> senderCache = new();

    public RemoteRefs(ActorSystem system, IRemoteTransport transport, MessageSerializer serializer, ILogger log)
    {
        System = system;
        this.transport = transport;
        this.serializer = serializer;
        Log = log;
        LocalAddress = system.Address;
    }

    public ActorSystem System { get; }

    public Address LocalAddress { get; }

    public ILogger Log { get; }

    public RemoteWatchRegistry Watches { get; } = new();

    /// <summary>The ref for <paramref name="path"/>: the living local actor (dead letters if none), or a remote ref pinned to <paramref name="incarnation"/> when given.</summary>
    public IActorRef Resolve(ActorPath path, long? incarnation)
    {
        if (path.Address.Equals(LocalAddress))
        {
            return System.ResolveLocal(path) ?? System.DeadLetters;
        }

        if (!RemoteAddress.IsValid(path.Address))
        {
            throw new ArgumentException($"'{path}' is neither on this node ({LocalAddress}) nor a remote ca.tcp address.", nameof(path));
        }

        return new RemoteActorRef(this, path, incarnation);
    }

    /// <summary>The ref a path read from a message stands for; refs on the sending node are pinned to its run.</summary>
    public IActorRef ResolveFromWire(string path, NodeIdentity? peer)
    {
        var parsed = ActorPath.Parse(path);
        long? incarnation = peer is not null && parsed.Address.Equals(peer.Address) ? peer.Incarnation : null;
        return Resolve(parsed, incarnation);
    }

    /// <summary>Like <see cref="ResolveFromWire"/> for the sender of an envelope, cached because every message has one.</summary>
    public IActorRef ResolveSender(string path, NodeIdentity peer)
    {
        if (senderCache.TryGetValue((path, peer.Incarnation), out var cached))
        {
            return cached;
        }

        var resolved = ResolveFromWire(path, peer);
        if (resolved is RemoteActorRef)
        {
            if (senderCache.Count >= MaxCachedSenders)
            {
                senderCache.Clear();
            }

            senderCache[(path, peer.Incarnation)] = resolved;
        }

        return resolved;
    }

    /// <summary>How <paramref name="actor"/> is named on the wire; exposes an Ask's temporary ref so a remote reply can find it.</summary>
    /// <exception cref="ArgumentException">The ref belongs to another actor system in this process.</exception>
    public string PathForWire(IActorRef actor)
    {
        switch (actor)
        {
            case RemoteActorRef remote:
                return remote.WirePath;
            case InternalActorRef local when ReferenceEquals(local.System, System):
                if (local is ITemporaryActorRef)
                {
                    System.ExposeTemp(local);
                }

                return local.Path.ToSerializationFormat();
            default:
                throw new ArgumentException($"{actor} cannot be named to another node: it is not an actor of {LocalAddress}.", nameof(actor));
        }
    }

    /// <summary>True when <paramref name="address"/>'s run <paramref name="incarnation"/> is known to be gone.</summary>
    public bool IsGone(Address address, long? incarnation) =>
        incarnation is { } known && gone.ContainsKey((address, known));

    /// <summary>Serializes <paramref name="message"/> and queues it for <paramref name="target"/>; what cannot be sent is logged, counted and dead-lettered.</summary>
    public void SendMessage(RemoteActorRef target, object message, IActorRef? sender)
    {
        if (IsGone(target.Path.Address, target.Incarnation))
        {
            DropOutbound(target, message, sender, message.GetType().Name, $"node run {target.Incarnation} is gone ({gone[(target.Path.Address, target.Incarnation!.Value)]})");
            return;
        }

        SerializedMessage serialized;
        string? senderPath;
        try
        {
            using var scope = RefSerializationScope.Enter(this);
            serialized = serializer.Serialize(KernelMessageSurrogates.ToWire(message, this));
            senderPath = sender is null or NobodyActorRef ? null : PathForWire(sender);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            DropOutbound(target, message, sender, message.GetType().Name, $"it cannot be serialized: {error.Message}");
            return;
        }

        var envelope = new OutboundEnvelope(target.Path.Address, target.Incarnation, target.WirePath, senderPath, serialized.TypeId, serialized.Payload);
        if (!transport.Send(envelope))
        {
            // The transport counted and logged the drop; dead letters make it visible to subscribers too.
            System.DeadLetter(message, sender, target);
        }
    }

    /// <summary>Carries a kernel system message for a remote ref: death watch goes over the wire, the rest cannot.</summary>
    public void SendSystemMessage(RemoteActorRef target, SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when watch.Watchee.Equals(target):
                if (IsGone(target.Path.Address, target.Incarnation))
                {
                    watch.Watcher.SendSystemMessage(new DeathWatchNotification(target, ExistenceConfirmed: false));
                    return;
                }

                Watches.AddOutgoing(target, watch.Watcher);
                SendControl(target, new RemoteWatch(target.WirePath, PathForWire(watch.Watcher)));
                break;
            case Unwatch unwatch when unwatch.Watchee.Equals(target):
                Watches.RemoveOutgoing(target, unwatch.Watcher);
                SendControl(target, new RemoteUnwatch(target.WirePath, PathForWire(unwatch.Watcher)));
                break;
            case DeathWatchNotification notification:
                Watches.RemoveIncoming(notification.Actor, target);
                SendControl(target, new RemoteDeathWatchNotification(PathForWire(notification.Actor), notification.ExistenceConfirmed));
                break;
            default:
                RemoteRefsLog.SystemMessageNotCarried(Log, message.GetType().Name, target.Path);
                break;
        }
    }

    /// <summary>A run of a node is gone: its watched actors are reported terminated to local watchers, its watchers forgotten.</summary>
    public void OnIncarnationGone(Address address, long incarnation, string reason)
    {
        if (!gone.TryAdd((address, incarnation), reason))
        {
            return;
        }

        RemoteRefsLog.IncarnationGone(Log, address, incarnation, reason);
        var (outgoing, incoming) = Watches.TakeAll(address, incarnation);
        foreach (var (watchee, watcher) in outgoing)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false));
        }

        foreach (var (watchee, watcher) in incoming)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, watcher));
        }
    }

    private void SendControl(RemoteActorRef target, object control)
    {
        // Control records are remoting's own and always serialize.
        var serialized = serializer.Serialize(control);
        transport.Send(new OutboundEnvelope(target.Path.Address, target.Incarnation, target.WirePath, null, serialized.TypeId, serialized.Payload, IsSystem: true));
    }

    private void DropOutbound(RemoteActorRef target, object message, IActorRef? sender, string typeName, string reason)
    {
        new PeerDiagnostics(transport.Counters, Log, target.Path.Address.ToString()).ReportDroppedOutbound(target.WirePath, typeName, reason);
        System.DeadLetter(message, sender, target);
    }
}
