namespace ClusterActors.Remoting;

/// <summary>A decoded Close frame: the peer's code and its reason text.</summary>
public sealed record CloseNotice(CloseCode Code, string Reason);
