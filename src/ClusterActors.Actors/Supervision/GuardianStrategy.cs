namespace ClusterActors.Actors;

/// <summary>The strategy of the guardians: the default decisions; a top-level actor that escalates is stopped and logged by the guardian itself (there is no one above to escalate to).</summary>
internal sealed class GuardianStrategy : SupervisorStrategy
{
    public static GuardianStrategy Instance { get; } = new();

    public override Directive Decide(Exception cause) => DefaultDecider(cause);

    internal override Directive Handle(Exception cause, ChildRestartStats stats, TimeProvider time) =>
        DefaultStrategy.Handle(cause, stats, time);
}
