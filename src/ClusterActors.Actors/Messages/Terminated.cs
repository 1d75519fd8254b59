namespace ClusterActors.Actors;

/// <summary>Delivered once to each watcher after the watched actor stopped (or was found not to exist).</summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone when the watch arrived.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed = true);

/// <summary>A <see cref="Terminated"/> queued by death watch; delivered only if the watch still stands when it is processed.</summary>
/// <remarks>Wrapped so that a Terminated someone merely forwards is an ordinary message.</remarks>
internal sealed class WatchedActorTerminated(Terminated terminated) : IAutoReceivedMessage
{
    public Terminated Terminated { get; } = terminated;
}
