using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>On the wire: <see cref="PoisonPill"/>.</summary>
internal sealed record PoisonPillWire;

/// <summary>On the wire: <see cref="Kill"/>.</summary>
internal sealed record KillWire;

/// <summary>On the wire: a <see cref="Status.Failure"/>, its exception reduced to type name and message.</summary>
internal sealed record StatusFailureWire(string ExceptionType, string Message);

/// <summary>On the wire: <see cref="Identify"/> (only string or absent message ids cross nodes).</summary>
internal sealed record IdentifyWire(string? MessageId);

/// <summary>On the wire: <see cref="ActorIdentity"/>, the subject as a path.</summary>
internal sealed record ActorIdentityWire(string? MessageId, string? Subject);
