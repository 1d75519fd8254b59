namespace ClusterActors.Actors;

/// <summary>Conventional replies telling how an operation ended; an Ask faults when the reply is a <see cref="Failure"/>.</summary>
public static class Status
{
    /// <summary>The operation succeeded, optionally with a value.</summary>
    public sealed record Success(object? Value);

    /// <summary>The operation failed with <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
