namespace ClusterActors.Actors;

/// <summary>The kernel's side of a ref: it can also take system messages (watch, stop, failure…).</summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>The system this ref belongs to; null for <see cref="NobodyActorRef"/>.</summary>
    public abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender = null);

    public abstract void SendSystemMessage(SystemMessage message);

    public bool Equals(IActorRef? other) =>
        other is not null && (ReferenceEquals(this, other) || (Path.Uid == other.Path.Uid && Path.Equals(other.Path)));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path.Name, Path.Uid);

    public override string ToString() => $"[{Path.ToSerializationFormat()}]";
}
