namespace ClusterActors.Actors;

/// <summary>Watching other actors and being watched: Terminated is delivered once, after the watched actor's PostStop, unless unwatched meanwhile.</summary>
internal sealed partial class ActorCell
{
    private DeathWatchState? deathWatch;

    public IActorRef Watch(IActorRef subject)
    {
        var target = AsInternal(subject);
        if (target.Equals(self))
        {
            return subject;
        }

        var state = EnsureDeathWatch();
        bool added;
        lock (state)
        {
            added = (state.Watching ??= []).Add(target);
        }

        if (added)
        {
            target.SendSystemMessage(new Watch(target, self));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var target = AsInternal(subject);
        if (Volatile.Read(ref deathWatch) is not { } state)
        {
            return subject;
        }

        bool removed;
        lock (state)
        {
            removed = state.Watching?.Remove(target) ?? false;
            state.TerminatedQueued?.Remove(target);
        }

        if (removed)
        {
            target.SendSystemMessage(new Unwatch(target, self));
        }

        return subject;
    }

    private static InternalActorRef AsInternal(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject as InternalActorRef
            ?? throw new ArgumentException($"Cannot watch {subject}: it is not an actor ref of this kernel.", nameof(subject));
    }

    /// <summary>True (once) when a queued <see cref="Terminated"/> for <paramref name="actor"/> is still wanted.</summary>
    private bool ConsumeQueuedTerminated(IActorRef actor)
    {
        if (Volatile.Read(ref deathWatch) is not { } state || actor is not InternalActorRef target)
        {
            return false;
        }

        lock (state)
        {
            return state.TerminatedQueued?.Remove(target) ?? false;
        }
    }

    private void HandleWatch(Watch watch)
    {
        if (!watch.Watchee.Equals(self) || watch.Watcher.Equals(self))
        {
            return;
        }

        var state = EnsureDeathWatch();
        lock (state)
        {
            (state.WatchedBy ??= []).Add(watch.Watcher);
        }
    }

    private void HandleUnwatch(Unwatch unwatch)
    {
        if (Volatile.Read(ref deathWatch) is { } state)
        {
            lock (state)
            {
                state.WatchedBy?.Remove(unwatch.Watcher);
            }
        }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        if (Volatile.Read(ref deathWatch) is not { } state)
        {
            return;
        }

        InternalActorRef? watched;
        lock (state)
        {
            watched = RemoveWatching(state, notification.Actor);
            if (watched is not null && !terminating)
            {
                (state.TerminatedQueued ??= []).Add(watched);
            }
            else
            {
                watched = null;
            }
        }

        if (watched is not null)
        {
            // Queued behind the messages already sent, as in Akka; Unwatch before it is processed drops it.
            Post(new WatchedActorTerminated(new Terminated(watched, notification.ExistenceConfirmed)), watched);
        }
    }

    /// <summary>
    /// Removes and returns the watched ref that <paramref name="actor"/> reports for. A ref resolved from a
    /// path without a Uid (a remote actor named by path) answers for whichever incarnation lives there, as in Akka.
    /// </summary>
    private static InternalActorRef? RemoveWatching(DeathWatchState state, InternalActorRef actor)
    {
        if (state.Watching is not { } watching)
        {
            return null;
        }

        if (watching.Remove(actor))
        {
            return actor;
        }

        if (actor.Path.Uid != ActorPath.UndefinedUid
            && watching.TryGetValue(new PathOnlyActorRef(actor.Path.WithUid(ActorPath.UndefinedUid)), out var byPath))
        {
            watching.Remove(byPath);
            return byPath;
        }

        return null;
    }

    private void NotifyWatchersAndUnwatchAll()
    {
        if (Volatile.Read(ref deathWatch) is not { } state)
        {
            return;
        }

        InternalActorRef[] watchers;
        InternalActorRef[] watching;
        lock (state)
        {
            watchers = state.WatchedBy is null ? [] : [.. state.WatchedBy];
            watching = state.Watching is null ? [] : [.. state.Watching];
            state.WatchedBy = null;
            state.Watching = null;
            state.TerminatedQueued = null;
        }

        foreach (var watcher in watchers)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(self, ExistenceConfirmed: true));
        }

        foreach (var watchee in watching)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, self));
        }
    }

    private DeathWatchState EnsureDeathWatch()
    {
        var existing = Volatile.Read(ref deathWatch);
        if (existing is not null)
        {
            return existing;
        }

        var created = new DeathWatchState();
        return Interlocked.CompareExchange(ref deathWatch, created, null) ?? created;
    }

    /// <summary>Who this actor watches, who watches it, and which Terminated messages are queued but not yet delivered. Guarded by its own lock.</summary>
    private sealed class DeathWatchState
    {
        public HashSet<InternalActorRef>? Watching;
        public HashSet<InternalActorRef>? WatchedBy;
        public HashSet<InternalActorRef>? TerminatedQueued;
    }
}
