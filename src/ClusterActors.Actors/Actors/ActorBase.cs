namespace ClusterActors.Actors;

/// <summary>The base of every actor: one message at a time, lifecycle hooks, supervision of its children.</summary>
/// <remarks>Instances are made by the kernel from <see cref="Props"/>; constructing one with <c>new</c> elsewhere throws.</remarks>
public abstract class ActorBase
{
    private readonly ActorCell cell;
    private StashBuffer? stash;

    /// <summary>Binds the new instance to the cell creating it.</summary>
    protected ActorBase()
    {
        cell = ActorCell.ClaimForConstruction();
    }

    /// <summary>The context of the actor whose turn it is on this thread (also valid after awaits in ReceiveAsync handlers).</summary>
    protected static IActorContext Context =>
        ActorCell.Current ?? throw new InvalidOperationException("Context is only available inside an actor, while it processes a message or runs a lifecycle hook.");

    /// <summary>The actor's own ref.</summary>
    protected IActorRef Self => cell.Self;

    /// <summary>The sender of the current message; dead letters when there is none.</summary>
    protected IActorRef Sender => cell.Sender;

    /// <summary>The actor's stash (allocated on first use).</summary>
    protected IStash Stash => stash ??= new StashBuffer(cell);

    internal ActorCell Cell => cell;

    internal StashBuffer? StashIfAllocated => stash;

    /// <summary>Handles <paramref name="message"/>; returns false when it is not handled (then <see cref="Unhandled"/> is called).</summary>
    protected abstract bool Receive(object message);

    /// <summary>Called after the instance is created, before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor (and all its children) stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in cell.Children)
        {
            cell.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the new instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; <see cref="Props.WithSupervisorStrategy"/> overrides it.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>Called for a message no behavior handled: an unhandled <see cref="Terminated"/> throws <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/> and logged.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"Actor {cell.Self.Path} watched {terminated.ActorRef.Path}, which terminated, and did not handle Terminated.")
            {
                DeadActor = terminated.ActorRef,
            };
        }

        cell.PublishUnhandled(message);
    }

    /// <summary>Called once the constructor finished, before PreStart.</summary>
    internal virtual void OnConstructed()
    {
    }

    internal void InvokeReceive(object message)
    {
        if (!Receive(message))
        {
            Unhandled(message);
        }
    }

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
