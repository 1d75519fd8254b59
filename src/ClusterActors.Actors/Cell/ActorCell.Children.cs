namespace ClusterActors.Actors;

/// <summary>Creating, finding and stopping children.</summary>
internal sealed partial class ActorCell
{
    private ChildrenContainer? children;

    public IEnumerable<IActorRef> Children => ChildrenSnapshot();

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Volatile.Read(ref children)?.Get(name);
    }

    public IActorRef ActorOf(Props props, string? name = null) => CreateChild(props, name, userNamed: true);

    /// <summary>Creates a child; thread-safe (guardians create children for callers on any thread).</summary>
    public IActorRef CreateChild(Props childProps, string? name, bool userNamed)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        if (name is null)
        {
            name = ActorPathNames.Generated(system.NextGeneratedNameNumber());
        }
        else
        {
            ActorPathNames.Validate(name, allowGenerated: !userNamed);
        }

        var container = EnsureChildren();
        var cell = new ActorCell(system, self, self.Path.ChildWithUid(name, system.NextUid()), childProps);
        container.Add(cell.SelfRef, self.Path);
        cell.SendSystemMessage(new Create());
        return cell.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef child && IsCurrentChild(child))
        {
            child.Cell.StopRequestedByParent = true;
        }

        if (actor is InternalActorRef target)
        {
            target.SendSystemMessage(new Terminate());
        }
        else
        {
            throw new ArgumentException($"Cannot stop {actor}: it is not an actor ref of this kernel.", nameof(actor));
        }
    }

    /// <summary>True once the actor's mailbox closed: messages to it go to dead letters.</summary>
    internal bool HasTerminated => IsClosed;

    /// <summary>Called by a terminating child (on its own thread) so its name is free at once.</summary>
    internal void RemoveChild(LocalActorRef child) => Volatile.Read(ref children)?.Remove(child);

    private bool IsCurrentChild(LocalActorRef child) => Volatile.Read(ref children)?.Contains(child) ?? false;

    private bool HasChildren() => !(Volatile.Read(ref children)?.IsEmpty ?? true);

    private LocalActorRef[] ChildrenSnapshot() => Volatile.Read(ref children)?.Snapshot() ?? [];

    private bool AnyChildStopping()
    {
        foreach (var child in ChildrenSnapshot())
        {
            if (child.Cell.StopRequestedByParent)
            {
                return true;
            }
        }

        return false;
    }

    private ChildrenContainer EnsureChildren()
    {
        var existing = Volatile.Read(ref children);
        if (existing is not null)
        {
            return existing;
        }

        var created = new ChildrenContainer();
        return Interlocked.CompareExchange(ref children, created, null) ?? created;
    }

    private LocalActorRef[] CloseChildren()
    {
        // An actor that never had children shares one closed container instead of allocating its own.
        var existing = Interlocked.CompareExchange(ref children, ChildrenContainer.ClosedEmpty, null);
        return existing?.Close() ?? [];
    }
}
