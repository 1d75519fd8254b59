namespace ClusterActors.Actors;

/// <summary>Finding a local actor from its path, for refs that arrive from the wire.</summary>
public sealed partial class ActorSystem
{
    /// <summary>
    /// The living actor at <paramref name="path"/> in this system, or null. A path with a Uid names one
    /// incarnation: a later actor at the same name does not answer for it.
    /// </summary>
    internal InternalActorRef? ResolveLocal(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.Address.Equals(Address))
        {
            return null;
        }

        var elements = path.Elements;
        if (elements.Count == 0)
        {
            return null;
        }

        InternalActorRef? found = elements[0] switch
        {
            "user" => userGuardian.SelfRef,
            "system" => systemGuardian.SelfRef,
            "deadLetters" when elements.Count == 1 => (InternalActorRef)DeadLetters,
            "temp" when elements.Count == 2 => exposedTempActors.GetValueOrDefault(elements[1]),
            _ => null,
        };

        for (var i = 1; found is LocalActorRef parent && i < elements.Count && elements[0] is "user" or "system"; i++)
        {
            found = parent.Cell.Child(elements[i]) as InternalActorRef;
        }

        return found is null || (path.Uid != ActorPath.UndefinedUid && found.Path.Uid != path.Uid) ? null : found;
    }

    /// <summary>Makes a temporary actor (an Ask's reply target) reachable by path until <see cref="ConcealTemp"/>; remoting exposes one when its path goes on the wire.</summary>
    internal void ExposeTemp(InternalActorRef temp)
    {
        var name = temp.Path.Name;
        exposedTempActors[name] = temp;

        // Completed before it was exposed: its cleanup has already run and will not conceal it.
        if (temp is ITemporaryActorRef { IsCompleted: true })
        {
            ConcealTemp(name);
        }
    }

    /// <summary>Forgets a temporary actor exposed by <see cref="ExposeTemp"/>; a no-op for one never exposed.</summary>
    internal void ConcealTemp(string name) => exposedTempActors.TryRemove(name, out _);
}
