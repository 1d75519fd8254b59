namespace ClusterActors.Actors;

/// <summary>
/// The temporary ref an Ask replies to: the first message completes the task (typed check
/// included), a <see cref="Status.Failure"/> faults it, the timeout (on the system's clock)
/// faults it with <see cref="AskTimeoutException"/>. Later messages go to dead letters.
/// </summary>
internal sealed class PromiseActorRef<T> : InternalActorRef, ITemporaryActorRef
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem system;
    private readonly IActorRef target;
    private readonly Type messageType;
    private readonly TimeSpan timeout;
    private readonly long number;
    private ITimer? timer;
    private CancellationTokenRegistration cancellation;
    private ActorPath? path;

    public PromiseActorRef(ActorSystem system, IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        this.system = system;
        this.target = target;
        messageType = message.GetType();
        this.timeout = timeout;
        number = system.NextTempNumber();
        if (cancellationToken.CanBeCanceled)
        {
            cancellation = cancellationToken.Register(static state => ((PromiseActorRef<T>)state!).OnCancelled(), this);
        }

        if (timeout != Timeout.InfiniteTimeSpan)
        {
            Volatile.Write(ref timer, system.TimeProvider.CreateTimer(static state => ((PromiseActorRef<T>)state!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan));
        }

        // The timer (or the token) may have completed the promise before its handle was stored above,
        // when the cleanup found nothing to dispose: dispose now. Cleanup is idempotent.
        if (completion.Task.IsCompleted)
        {
            Cleanup();
        }
    }

    public Task<T> Task => completion.Task;

    public bool IsCompleted => completion.Task.IsCompleted;

    public override ActorPath Path => path ??= system.TempPath(number);

    public override ActorSystem System => system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool completed;
        if (message is Status.Failure failure && typeof(T) != typeof(Status.Failure))
        {
            completed = completion.TrySetException(failure.Cause);
        }
        else if (message is T typed)
        {
            completed = completion.TrySetResult(typed);
        }
        else
        {
            completed = completion.TrySetException(new InvalidCastException(
                $"Ask of {target.Path} with {messageType.Name} expected a reply of type {typeof(T).FullName} but got {message.GetType().FullName}: {message}"));
        }

        if (completed)
        {
            Cleanup();
        }
        else
        {
            system.DeadLetter(message, sender, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(this))
        {
            // A promise lives until its reply; a watcher learns of it at once rather than never.
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
        }
    }

    private void OnTimeout()
    {
        if (completion.TrySetException(new AskTimeoutException(
            $"Ask timed out on {target.Path} after {timeout.TotalMilliseconds:0.###} ms waiting for a reply to {messageType.Name} (a typical reason: the recipient did not reply, or replied to the wrong sender).")))
        {
            Cleanup();
        }
    }

    private void OnCancelled()
    {
        if (completion.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        Interlocked.Exchange(ref timer, null)?.Dispose();
        cancellation.Dispose();

        // Only a promise whose path was asked for can have been exposed to remote repliers.
        if (Volatile.Read(ref path) is { } exposed)
        {
            system.ConcealTemp(exposed.Name);
        }
    }
}
