namespace ClusterActors.Remoting;

/// <summary>A decoded Distress frame: who says it is failing (node id and run), what kind of failure, and why.</summary>
public sealed record DistressNotice(string NodeId, long Incarnation, string Kind, string Reason);
