namespace ClusterActors.Actors;

/// <summary>A ref to an actor in this process; one per incarnation.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : InternalActorRef
{
    public override ActorPath Path => path;

    public override ActorSystem System => Cell.System;

    internal ActorCell Cell { get; } = cell;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender ?? ActorCell.Current?.Self);
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);
}
