namespace ClusterActors.Actors;

/// <summary>Decides what happens to a child that failed; an actor's strategy applies to its children.</summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy()
    {
    }

    /// <summary>Restarts on any exception except initialization failures, kills and death pacts, which stop.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops the child on any exception.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>The default decider: <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and <see cref="DeathPactException"/> → Stop, anything else → Restart.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The directive for <paramref name="cause"/> before any retry limit is applied.</summary>
    public abstract Directive Decide(Exception cause);

    /// <summary>The directive after the strategy's retry limits: a restart beyond them becomes a stop.</summary>
    internal abstract Directive Handle(Exception cause, ChildRestartStats stats, TimeProvider time);
}
