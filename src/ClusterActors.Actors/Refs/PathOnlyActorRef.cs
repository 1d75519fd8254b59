namespace ClusterActors.Actors;

/// <summary>A key with a path and nothing else, for looking up refs in sets by path and Uid; it delivers nothing.</summary>
internal sealed class PathOnlyActorRef(ActorPath path) : InternalActorRef
{
    public override ActorPath Path => path;

    public override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender = null) =>
        throw new InvalidOperationException($"{Path} is a lookup key, not an actor: nothing can be sent to it.");

    public override void SendSystemMessage(SystemMessage message) =>
        throw new InvalidOperationException($"{Path} is a lookup key, not an actor: nothing can be sent to it.");
}
