namespace ClusterActors.Actors;

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>"No sender": replies to a message sent with it go to the recipient system's dead letters.</summary>
    public static IActorRef? NoSender => null;

    /// <summary>A ref to no actor at all: as a sender it means no sender; watching it yields Terminated at once; messages told to it directly are discarded (it belongs to no system that could log them).</summary>
    public static IActorRef Nobody => NobodyActorRef.Instance;
}
