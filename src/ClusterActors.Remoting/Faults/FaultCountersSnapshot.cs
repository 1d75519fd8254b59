namespace ClusterActors.Remoting;

/// <summary>The values of <see cref="FaultCounters"/> at one moment.</summary>
public sealed record FaultCountersSnapshot(long Blackholed, long Dropped, long Duplicated, long Delayed, long Reordered);
