namespace ClusterActors.Actors;

/// <summary>The living children of one actor by name; thread-safe because guardians get children from any thread.</summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, LocalActorRef> byName = new(StringComparer.Ordinal);
    private bool closed;

    /// <summary>A shared container for actors that terminated without ever having children.</summary>
    public static ChildrenContainer ClosedEmpty { get; } = new() { closed = true };

    public bool IsEmpty
    {
        get
        {
            lock (byName)
            {
                return byName.Count == 0;
            }
        }
    }

    /// <summary>Registers a new child; throws when the name is taken or the parent is stopping.</summary>
    public void Add(LocalActorRef child, ActorPath parentPath)
    {
        lock (byName)
        {
            if (closed)
            {
                throw new InvalidOperationException($"Cannot create child '{child.Path.Name}': actor {parentPath} is terminating.");
            }

            if (!byName.TryAdd(child.Path.Name, child))
            {
                throw new InvalidActorNameException($"Actor name '{child.Path.Name}' is not unique under {parentPath}: a living child already has it.");
            }
        }
    }

    /// <summary>Removes <paramref name="child"/> if that incarnation still holds its name.</summary>
    public void Remove(LocalActorRef child)
    {
        lock (byName)
        {
            if (byName.TryGetValue(child.Path.Name, out var existing) && ReferenceEquals(existing, child))
            {
                byName.Remove(child.Path.Name);
            }
        }
    }

    public LocalActorRef? Get(string name)
    {
        lock (byName)
        {
            return byName.GetValueOrDefault(name);
        }
    }

    public bool Contains(LocalActorRef child)
    {
        lock (byName)
        {
            return byName.TryGetValue(child.Path.Name, out var existing) && ReferenceEquals(existing, child);
        }
    }

    public LocalActorRef[] Snapshot()
    {
        lock (byName)
        {
            return [.. byName.Values];
        }
    }

    /// <summary>Refuses new children from now on and returns the living ones.</summary>
    public LocalActorRef[] Close()
    {
        lock (byName)
        {
            closed = true;
            return [.. byName.Values];
        }
    }
}
