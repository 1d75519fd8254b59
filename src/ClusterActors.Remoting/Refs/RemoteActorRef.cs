using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>A ref to an actor on another node: Tell serializes and queues the message for that node; death watch crosses the wire.</summary>
/// <remarks>
/// <see cref="Incarnation"/> pins the ref to one run of the node (refs that arrived in messages know it);
/// a ref made from a path alone (null) follows whichever run is current. Messages for a run that is gone
/// are dropped, never delivered to its successor.
/// </remarks>
internal sealed class RemoteActorRef : InternalActorRef
{
    public RemoteActorRef(RemoteRefs refs, ActorPath path, long? incarnation)
    {
        Refs = refs;
        Path = path;
        Incarnation = incarnation;
        WirePath = path.ToSerializationFormat();
    }

    public override ActorPath Path { get; }

    /// <summary>The local system: asks and timers through this ref run there.</summary>
    public override ActorSystem System => Refs.System;

    /// <summary>The node-side machinery that sends for this ref.</summary>
    public RemoteRefs Refs { get; }

    /// <summary>The run of the remote node this ref belongs to; null for whichever is current.</summary>
    public long? Incarnation { get; }

    /// <summary>The path as written into envelopes.</summary>
    public string WirePath { get; }

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Refs.SendMessage(this, message, sender ?? ActorCell.Current?.Self);
    }

    public override void SendSystemMessage(SystemMessage message) => Refs.SendSystemMessage(this, message);
}
