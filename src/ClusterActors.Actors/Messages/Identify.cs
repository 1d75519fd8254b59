namespace ClusterActors.Actors;

/// <summary>Any actor answers with <see cref="ActorIdentity"/> carrying <paramref name="MessageId"/> and its own ref.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;

/// <summary>The answer to <see cref="Identify"/>; <paramref name="Subject"/> is null when no actor lives at the path.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
