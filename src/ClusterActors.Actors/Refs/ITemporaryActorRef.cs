namespace ClusterActors.Actors;

/// <summary>A ref that lives only until it has its answer (an Ask's promise).</summary>
internal interface ITemporaryActorRef
{
    /// <summary>True once the ref took its answer, timed out or was cancelled.</summary>
    bool IsCompleted { get; }
}
