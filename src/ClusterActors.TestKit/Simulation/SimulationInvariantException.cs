namespace ClusterActors.TestKit;

/// <summary>An invariant of a simulation did not hold after a step.</summary>
public sealed class SimulationInvariantException : Exception
{
    /// <summary>Creates the failure of invariant <paramref name="invariant"/>.</summary>
    public SimulationInvariantException(string invariant, string violation, long step, TimeSpan time)
        : base($"Invariant '{invariant}' violated after step {step} at t={time.TotalMilliseconds:0.###} ms: {violation}")
    {
        Invariant = invariant;
    }

    /// <summary>Creates an empty failure.</summary>
    public SimulationInvariantException()
    {
        Invariant = string.Empty;
    }

    /// <summary>Creates a failure with a message.</summary>
    public SimulationInvariantException(string message)
        : base(message)
    {
        Invariant = string.Empty;
    }

    /// <summary>Creates a failure with a message and a cause.</summary>
    public SimulationInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
        Invariant = string.Empty;
    }

    /// <summary>The name of the invariant that failed.</summary>
    public string Invariant { get; }
}
