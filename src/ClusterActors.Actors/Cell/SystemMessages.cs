namespace ClusterActors.Actors;

/// <summary>A message of the kernel's own protocol (lifecycle, supervision, death watch); processed before user messages.</summary>
/// <remarks>Instances are intrusive nodes of the system-message stack, so each is sent once.</remarks>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

/// <summary>Create the actor instance and call PreStart.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stop the actor (children first).</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Continue after a failure, keeping the instance.</summary>
internal sealed class Resume : SystemMessage;

/// <summary>Restart after a failure with a new instance.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>A child failed and awaits its parent's decision.</summary>
internal sealed class Failed(InternalActorRef child, Exception cause, bool escalated) : SystemMessage
{
    public InternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public bool Escalated { get; } = escalated;
}

/// <summary>A child finished terminating (after its PostStop).</summary>
internal sealed class ChildTerminated(InternalActorRef child) : SystemMessage
{
    public InternalActorRef Child { get; } = child;
}

/// <summary><see cref="Watcher"/> wants a <see cref="Terminated"/> when <see cref="Watchee"/> stops.</summary>
internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary><see cref="Watcher"/> no longer wants to hear of <see cref="Watchee"/>.</summary>
internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>A watched actor stopped; becomes a <see cref="Terminated"/> if still watched.</summary>
internal sealed class DeathWatchNotification(InternalActorRef actor, bool ExistenceConfirmed) : SystemMessage
{
    public InternalActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = ExistenceConfirmed;
}

/// <summary>A continuation of an async handler, posted by the actor's synchronization context.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state, SynchronizationContext context) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;

    /// <summary>The context that posted it: continuations of a context the actor abandoned (restart, own failure) are dropped.</summary>
    public SynchronizationContext Context { get; } = context;
}

/// <summary>The task of an async handler finished; the actor may take its next message.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
