using System.Runtime.ExceptionServices;

namespace ClusterActors.Actors;

/// <summary>Async handlers: the mailbox stays suspended until the handler's task completes, and its continuations run on the actor's own turn.</summary>
internal sealed partial class ActorCell
{
    private Task? pendingTask;
    private ActorSynchronizationContext? syncContext;
    private Queue<RunContinuation>? deferredContinuations;

    /// <summary>Drops the pending handler: its continuations, queued or still to come, will not run (a new context serves later handlers).</summary>
    private void AbandonAsyncHandler()
    {
        pendingTask = null;
        syncContext = null;
        deferredContinuations = null;
    }

    /// <summary>After a Resume, runs the continuations that arrived while the actor was failed, in arrival order.</summary>
    private void RunDeferredContinuations()
    {
        while (!failed && !terminating && deferredContinuations is { Count: > 0 } deferred)
        {
            HandleContinuation(deferred.Dequeue());
        }
    }

    public void RunAsyncHandler<T>(Func<T, Task> handler, T message)
    {
        var context = syncContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = handler(message) ?? throw new InvalidOperationException($"An async handler of {self.Path} returned null instead of a Task.");
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            ThrowIfUnsuccessful(task);
            return;
        }

        pendingTask = task;
        UpdateSuspension();

        // Inline on the completing thread (normally this actor's turn, inside a continuation), so the
        // actor resumes in the same run; an awaiter callback would be pushed to the thread pool while
        // our synchronization context is current, which would break deterministic runs.
        task.ContinueWith(
            static (completed, state) => ((ActorCell)state!).SendSystemMessage(new AsyncHandlerCompleted(completed)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void ThrowIfUnsuccessful(Task task)
    {
        if (task.IsFaulted)
        {
            ExceptionDispatchInfo.Capture(task.Exception!.InnerException ?? task.Exception).Throw();
        }

        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
    }

    private void HandleContinuation(RunContinuation continuation)
    {
        if (terminating || !ReferenceEquals(continuation.Context, syncContext))
        {
            // The handler that awaited was abandoned by a stop, a restart or its own failure; its rest must not touch the actor.
            return;
        }

        if (failed)
        {
            // Failed by a child's escalation while a handler awaits: a Resume lets the handler go on, a Restart or Stop abandons it.
            (deferredContinuations ??= new Queue<RunContinuation>()).Enqueue(continuation);
            return;
        }

        var previousCurrent = current;
        current = this;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(syncContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            current = previousCurrent;
        }
    }

    private void HandleAsyncHandlerCompleted(Task task)
    {
        if (!ReferenceEquals(task, pendingTask))
        {
            return;
        }

        pendingTask = null;
        try
        {
            ThrowIfUnsuccessful(task);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
            return;
        }

        currentMessage = null;
        currentSender = null;
        UpdateSuspension();
    }

    /// <summary>Posts continuations of an async handler back into the actor's mailbox as system messages.</summary>
    private sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => cell.SendSystemMessage(new RunContinuation(d, state, this));

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("Synchronous Send onto an actor is not supported; await instead.");

        public override SynchronizationContext CreateCopy() => this;
    }
}
