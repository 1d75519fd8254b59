namespace ClusterActors.Actors.Tests.Support;

/// <summary>A message numbered within the sequence of one sender.</summary>
public sealed record Numbered(int SenderId, int Sequence);

/// <summary>Asks an actor to report something back.</summary>
public sealed record Report(string What);

/// <summary>Makes an actor throw <see cref="Exception"/> of the given kind.</summary>
public sealed record Fail(Exception Cause);
