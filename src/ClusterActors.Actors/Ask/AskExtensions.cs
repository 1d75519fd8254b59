namespace ClusterActors.Actors;

/// <summary>Request–response with an actor from anywhere: the reply completes a task.</summary>
public static class AskExtensions
{
    /// <summary>Sends <paramref name="message"/> with a temporary sender and returns its reply (timeout: the argument, else the system default, measured on the system's clock). A <see cref="Status.Failure"/> reply faults the task with its cause; a reply of another type than <typeparamref name="T"/> faults it with <see cref="InvalidCastException"/>; no reply in time faults it with <see cref="AskTimeoutException"/>.</summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = (target as InternalActorRef)?.System
            ?? throw new ArgumentException($"Cannot ask {target}: it belongs to no actor system.", nameof(target));
        var effective = timeout ?? system.Settings.DefaultAskTimeout;
        if (effective <= TimeSpan.Zero && effective != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), effective, "An ask timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var promise = new PromiseActorRef<T>(system, target, message, effective, cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Like <see cref="Ask{T}"/>, accepting a reply of any type.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Ask<object>(target, message, timeout, cancellationToken);
}
