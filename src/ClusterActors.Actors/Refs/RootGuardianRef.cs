namespace ClusterActors.Actors;

/// <summary>The parent of the /user and /system guardians: it only learns that they terminated (or, by a kernel bug, failed).</summary>
internal sealed class RootGuardianRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path => path;

    public override ActorSystem System => system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.DeadLetter(message, sender ?? ActorCell.Current?.Self, this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case ChildTerminated terminated:
                system.OnGuardianTerminated(terminated.Child);
                break;
            case Failed failed:
                KernelLog.GuardianFailed(system.Log, failed.Cause, failed.Child.Path);
                failed.Child.SendSystemMessage(new Terminate());
                break;
            case Watch watch when !watch.Watcher.Equals(this):
                // The root never terminates before the system does; nothing to record.
                break;
            default:
                break;
        }
    }
}
