namespace ClusterActors.Actors;

/// <summary>The recipe for an actor: how to make (and on restart remake) its instance, and how it supervises its children.</summary>
public sealed class Props
{
    private readonly Func<ActorBase> factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        this.factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The class of the actor.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy the actor applies to its children; null: the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props making instances with <typeparamref name="T"/>'s parameterless constructor.</summary>
    public static Props Create<T>()
        where T : ActorBase, new() => new(typeof(T), static () => new T(), null);

    /// <summary>Props making instances with <paramref name="factory"/>; it must return a new instance on each call.</summary>
    public static Props Create<T>(Func<T> factory)
        where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(T), factory, null);
    }

    /// <summary>The same props with <paramref name="strategy"/> supervising the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(ActorType, factory, strategy);
    }

    internal ActorBase NewActor() => factory();

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}
