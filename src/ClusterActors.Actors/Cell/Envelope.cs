namespace ClusterActors.Actors;

/// <summary>A user message with its sender; also the node of the mailbox's lock-free queue (one allocation per message).</summary>
internal sealed class Envelope(object? message, IActorRef? sender)
{
    public object? Message = message;
    public IActorRef? Sender = sender;
    public Envelope? Next;
}
