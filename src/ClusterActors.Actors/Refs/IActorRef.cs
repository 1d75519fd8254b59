namespace ClusterActors.Actors;

/// <summary>An address to send messages to; the only way to talk to an actor. Refs are equal when path and incarnation (Uid) are.</summary>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>Where the actor lives, including its incarnation Uid.</summary>
    ActorPath Path { get; }

    /// <summary>Sends <paramref name="message"/> without waiting. Inside an actor a null <paramref name="sender"/> means that actor (Akka's implicit sender); outside, no sender (replies go to dead letters).</summary>
    void Tell(object message, IActorRef? sender = null);
}
