namespace ClusterActors.Cluster.Distress;

/// <summary>Sends this node's distress (what the management route and the node's triggers need).</summary>
public interface IDistressSignal
{
    /// <summary>Sends the distress for <paramref name="kind"/> the way the failure-kind table says; a node sends one distress in its life.</summary>
    /// <exception cref="InvalidOperationException">The distress signal has not started yet, or has stopped with the node.</exception>
    DistressOutcome Send(string kind, string reason);
}
