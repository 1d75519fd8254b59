namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>Tests that run clusters of real node processes: one at a time, after the parallel tests, so a 2-core machine is not asked to run several clusters at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeProcessCollection
{
    public const string Name = "node processes";
}
