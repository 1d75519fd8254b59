namespace ClusterActors.Actors;

/// <summary>Applies the decider's directive to the failed child only; restarts beyond the retry limit stop it.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> decider;

    /// <summary>A strategy allowing <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/> (negative retries: no limit; <see cref="Timeout.InfiniteTimeSpan"/> or zero: no window).</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        this.decider = decider;
    }

    /// <summary>A strategy without a retry limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    /// <summary>Restarts allowed (within <see cref="WithinTimeRange"/>) before the child is stopped; negative: no limit.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window the retries are counted in; infinite or zero: the whole lifetime.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <inheritdoc />
    public override Directive Decide(Exception cause) => decider(cause);

    internal override Directive Handle(Exception cause, ChildRestartStats stats, TimeProvider time)
    {
        var directive = Decide(cause);
        return directive == Directive.Restart && !stats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, time)
            ? Directive.Stop
            : directive;
    }
}
