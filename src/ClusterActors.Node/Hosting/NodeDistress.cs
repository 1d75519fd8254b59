using ClusterActors.Cluster;
using ClusterActors.Cluster.Distress;

namespace ClusterActors.Node.Hosting;

/// <summary>The node's distress signal as the management route and the triggers see it: available once the actor system has started it.</summary>
public sealed class NodeDistress : IDistressSignal
{
    private volatile ClusterDistressHandle? handle;

    internal void Started(ClusterDistressHandle started) => handle = started;

    /// <inheritdoc />
    public DistressOutcome Send(string kind, string reason) =>
        (handle ?? throw new InvalidOperationException("The distress signal has not started yet: the node is still starting")).Signal.Send(kind, reason);
}
