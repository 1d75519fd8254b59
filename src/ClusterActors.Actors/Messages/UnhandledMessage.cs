namespace ClusterActors.Actors;

/// <summary>Published on the event stream for every message its recipient's behavior did not handle.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
