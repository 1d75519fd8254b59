namespace ClusterActors.Actors;

/// <summary>Creation, failure, restart and termination of the actor, driven by system messages.</summary>
internal sealed partial class ActorCell
{
    private bool failed;
    private bool terminating;
    private Exception? pendingRecreateCause;

    /// <summary>Set by the parent when it asked this child to stop (a restart waits for such children).</summary>
    internal bool StopRequestedByParent { get; set; }

    /// <summary>The parent's restart bookkeeping for this child (parent's turn only).</summary>
    internal ChildRestartStats RestartStats => restartStats ??= new ChildRestartStats();

    private ChildRestartStats? restartStats;

    protected override void ProcessSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                HandleCreate();
                break;
            case Terminate:
                HandleTerminate();
                break;
            case Failed failure:
                HandleChildFailed(failure);
                break;
            case ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
            case Resume:
                HandleResume();
                break;
            case Recreate recreate:
                HandleRecreate(recreate.Cause);
                break;
            case Watch watch:
                HandleWatch(watch);
                break;
            case Unwatch unwatch:
                HandleUnwatch(unwatch);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification);
                break;
            case RunContinuation continuation:
                HandleContinuation(continuation);
                break;
            case AsyncHandlerCompleted completed:
                HandleAsyncHandlerCompleted(completed.Task);
                break;
            default:
                throw new InvalidOperationException($"Unknown system message {message.GetType().Name} at {self.Path}.");
        }
    }

    protected override void OnDeadSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when watch.Watchee.Equals(self) && !watch.Watcher.Equals(self):
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(self, ExistenceConfirmed: false));
                break;
            case RunContinuation:
                KernelLog.ContinuationAfterStop(system.Log, self.Path);
                break;
            default:
                // Lifecycle and supervision messages for a terminated actor have nothing left to act on.
                break;
        }
    }

    private void UpdateSuspension() =>
        SetSuspended(failed || terminating || pendingTask is not null || pendingRecreateCause is not null);

    private void HandleCreate()
    {
        try
        {
            var instance = CreateInstance();
            instance.InvokePreStart();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(AsInitializationFailure(e));
        }
    }

    private ActorBase CreateInstance()
    {
        constructing = this;
        ActorBase? instance;
        bool unclaimed;
        try
        {
            instance = props.NewActor();
        }
        finally
        {
            unclaimed = ReferenceEquals(constructing, this);
            constructing = null;
        }

        if (instance is null)
        {
            throw new InvalidOperationException($"The Props factory of {self.Path} returned null.");
        }

        if (unclaimed)
        {
            throw new InvalidOperationException($"The Props factory of {self.Path} did not construct a new {props.ActorType.Name}: it must return a new instance on every call.");
        }

        if (!ReferenceEquals(instance.Cell, this))
        {
            throw new InvalidOperationException($"The Props factory of {self.Path} returned an instance that belongs to another actor.");
        }

        instance.OnConstructed();
        actor = instance;
        return instance;
    }

    private ActorInitializationException AsInitializationFailure(Exception e) =>
        e as ActorInitializationException
        ?? new ActorInitializationException($"Actor {self.Path} ({props.ActorType.Name}) failed to initialize: {e.Message}", e) { Actor = self };

    /// <summary>The actor threw: suspend it and ask the parent what to do.</summary>
    private void HandleInvokeFailure(Exception cause)
    {
        system.Counters.IncrementFailures();
        if (terminating)
        {
            KernelLog.FailureWhileTerminating(system.Log, cause, self.Path);
            return;
        }

        if (failed)
        {
            KernelLog.FailureWhileFailed(system.Log, cause, self.Path);
            return;
        }

        failed = true;
        AbandonAsyncHandler();
        UpdateSuspension();
        parent.SendSystemMessage(new Failed(self, cause, escalated: false));
    }

    private void Escalate(Exception cause, InternalActorRef fromChild)
    {
        if (terminating)
        {
            return;
        }

        if (failed)
        {
            // Our own supervisor has not decided yet: this child's failure waits its turn (a Resume
            // escalates it next; a Restart or Stop restarts or stops the child with us).
            (deferredEscalations ??= new Queue<(Exception, InternalActorRef)>()).Enqueue((cause, fromChild));
            return;
        }

        // A handler awaiting meanwhile is not abandoned yet: it goes on after a Resume (its continuations wait).
        failed = true;
        escalatedFrom = fromChild;
        UpdateSuspension();
        parent.SendSystemMessage(new Failed(self, cause, escalated: true));
    }

    private InternalActorRef? escalatedFrom;

    private Queue<(Exception Cause, InternalActorRef Child)>? deferredEscalations;

    /// <summary>After a Resume, escalates the next child failure that arrived while we were failed (one at a time: each awaits its decision).</summary>
    private void EscalateDeferred()
    {
        while (!failed && !terminating && deferredEscalations is { Count: > 0 } pending)
        {
            var (cause, child) = pending.Dequeue();
            if (child is LocalActorRef local && IsCurrentChild(local))
            {
                Escalate(cause, child);
            }
        }
    }

    private void HandleChildFailed(Failed failure)
    {
        if (failure.Child is not LocalActorRef child || !IsCurrentChild(child))
        {
            KernelLog.FailureFromNonChild(system.Log, failure.Child.Path, self.Path);
            return;
        }

        if (terminating)
        {
            return;
        }

        Directive directive;
        if (isGuardian && failure.Escalated)
        {
            directive = Directive.Stop;
            KernelLog.TopLevelEscalated(system.Log, failure.Cause, child.Path);
        }
        else
        {
            try
            {
                var strategy = props.SupervisorStrategy ?? actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
                directive = strategy.Handle(failure.Cause, child.Cell.RestartStats, system.TimeProvider);
            }
            catch (Exception deciderFailure)
            {
                KernelLog.DeciderFailed(system.Log, deciderFailure, self.Path, child.Path);
                directive = Directive.Stop;
            }

            if (directive == Directive.Resume)
            {
                KernelLog.Resumed(system.Log, failure.Cause, child.Path);
            }
            else
            {
                KernelLog.Supervised(system.Log, failure.Cause, child.Path, directive);
            }
        }

        switch (directive)
        {
            case Directive.Resume:
                child.SendSystemMessage(new Resume());
                break;
            case Directive.Restart:
                child.SendSystemMessage(new Recreate(failure.Cause));
                break;
            case Directive.Stop:
                Stop(child);
                break;
            case Directive.Escalate:
                Escalate(failure.Cause, child);
                break;
        }
    }

    private void HandleResume()
    {
        if (!failed || terminating)
        {
            return;
        }

        failed = false;
        if (pendingTask is null)
        {
            currentMessage = null;
            currentSender = null;
        }

        UpdateSuspension();
        if (escalatedFrom is { } child)
        {
            escalatedFrom = null;
            child.SendSystemMessage(new Resume());
        }

        RunDeferredContinuations();
        EscalateDeferred();
    }

    private void HandleRecreate(Exception cause)
    {
        if (terminating)
        {
            return;
        }

        system.Counters.IncrementRestarts();
        timers?.CancelAll();
        escalatedFrom = null;
        AbandonAsyncHandler();
        if (actor is { } old)
        {
            var stashed = old.StashIfAllocated?.TakeAll();
            try
            {
                old.InvokePreRestart(cause, currentMessage);
            }
            catch (Exception e)
            {
                KernelLog.HookFailed(system.Log, e, "PreRestart", self.Path);
            }

            // Stashed messages survive the restart: they go back ahead of the mailbox.
            if (stashed is { Length: > 0 })
            {
                PrependUnstashed(stashed);
            }

            actor = null;
        }

        if (AnyChildStopping())
        {
            pendingRecreateCause = cause;
            UpdateSuspension();
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        pendingRecreateCause = null;

        // Children whose escalation was deferred (also while we waited for stopping children) were stopped
        // by PreRestart or are restarted below with the survivors.
        deferredEscalations = null;
        failed = false;
        pendingTask = null;
        currentMessage = null;
        currentSender = null;
        try
        {
            var instance = CreateInstance();
            instance.InvokePostRestart(cause);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(AsInitializationFailure(e));
            return;
        }

        UpdateSuspension();

        // As in Akka, children that survived PreRestart are restarted with the same cause.
        foreach (var child in ChildrenSnapshot())
        {
            if (!child.Cell.StopRequestedByParent)
            {
                child.SendSystemMessage(new Recreate(cause));
            }
        }
    }

    private void HandleTerminate()
    {
        if (terminating)
        {
            return;
        }

        terminating = true;
        AbandonAsyncHandler();
        deferredEscalations = null;
        UpdateSuspension();
        timers?.CancelAll();
        var living = CloseChildren();
        foreach (var child in living)
        {
            child.Cell.StopRequestedByParent = true;
            child.SendSystemMessage(new Terminate());
        }

        if (!HasChildren())
        {
            FinishTerminate();
        }
    }

    private void HandleChildTerminated(InternalActorRef child)
    {
        if (child is LocalActorRef local)
        {
            RemoveChild(local);
        }

        if (terminating)
        {
            if (!HasChildren())
            {
                FinishTerminate();
            }
        }
        else if (pendingRecreateCause is { } cause && !AnyChildStopping())
        {
            FinishRecreate(cause);
        }
    }

    private void FinishTerminate()
    {
        if (IsClosed)
        {
            return;
        }

        if (actor is { } instance)
        {
            try
            {
                instance.InvokePostStop();
            }
            catch (Exception e)
            {
                KernelLog.HookFailed(system.Log, e, "PostStop", self.Path);
            }

            foreach (var envelope in instance.StashIfAllocated?.TakeAll() ?? [])
            {
                system.DeadLetter(envelope.Message!, envelope.Sender, self);
            }
        }

        if (unstashed is not null)
        {
            foreach (var envelope in unstashed)
            {
                system.DeadLetter(envelope.Message!, envelope.Sender, self);
            }

            unstashed = null;
        }

        // Timers were cancelled when the stop began; this catches any that PostStop started since.
        timers?.CancelAll();
        actor = null;
        timers = null;
        currentMessage = null;
        currentSender = null;
        Close();

        // The name is free before anyone hears of the death, so a watcher may reuse it at once.
        if (parent is LocalActorRef localParent)
        {
            localParent.Cell.RemoveChild(self);
        }

        parent.SendSystemMessage(new ChildTerminated(self));
        NotifyWatchersAndUnwatchAll();
    }
}
