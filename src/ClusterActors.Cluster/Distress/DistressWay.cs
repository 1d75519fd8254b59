namespace ClusterActors.Cluster.Distress;

/// <summary>How a distress signal leaves the node (SPEC S3).</summary>
public enum DistressWay
{
    /// <summary>Handed to the dedicated sender thread; the caller goes on at once (there is time before the failure).</summary>
    Async,

    /// <summary>The calling thread writes the frame to every member itself and returns only when it is written (the failure is imminent).</summary>
    Sync,
}
