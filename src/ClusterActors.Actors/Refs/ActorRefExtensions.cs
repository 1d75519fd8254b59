namespace ClusterActors.Actors;

/// <summary>Conveniences on refs.</summary>
public static class ActorRefExtensions
{
    /// <summary>Sends <paramref name="message"/> keeping the original sender: inside an actor, the sender of the message being processed.</summary>
    public static void Forward(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, ActorCell.Current?.CurrentSenderOrNull ?? ActorRefs.Nobody);
    }
}
