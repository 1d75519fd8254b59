namespace ClusterActors.Actors;

/// <summary>The ref to no actor, shared by all systems.</summary>
internal sealed class NobodyActorRef : InternalActorRef
{
    public static NobodyActorRef Instance { get; } = new();

    private static readonly ActorPath NobodyPath = ActorPath.Root(new Address(Address.LocalProtocol, "all-systems")).Child("Nobody");

    public override ActorPath Path => NobodyPath;

    public override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender = null)
    {
        // No system to log or publish in; a sender of Nobody is normalized to "no sender" by recipients.
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
        }
    }
}
