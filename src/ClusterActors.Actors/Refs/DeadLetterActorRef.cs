namespace ClusterActors.Actors;

/// <summary>The system's dead letters: every message told to it is counted, logged and published as <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path => path;

    public override ActorSystem System => system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter deadLetter)
        {
            system.DeadLetter(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient);
        }
        else
        {
            system.DeadLetter(message, sender ?? ActorCell.Current?.Self, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false));
        }
    }
}
