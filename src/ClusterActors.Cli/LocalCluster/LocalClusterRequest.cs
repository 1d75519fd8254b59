namespace ClusterActors.Cli.LocalCluster;

/// <summary>What <c>clusterctl local-cluster</c> was asked for.</summary>
/// <param name="Nodes">How many nodes.</param>
/// <param name="BasePort">Cluster port of node-1.</param>
/// <param name="HttpBasePort">Management port of node-1.</param>
/// <param name="Directory">Where files and data go.</param>
/// <param name="Token">The management token, or null for the environment's or a fresh one.</param>
/// <param name="Secret">The cluster secret, or null for the environment's or a fresh one.</param>
/// <param name="NodeProgram">The node program, or null for the one beside clusterctl.</param>
/// <param name="FormTimeout">How long the nodes get to agree on one membership.</param>
public sealed record LocalClusterRequest(
    int Nodes,
    int BasePort,
    int HttpBasePort,
    string Directory,
    string? Token,
    string? Secret,
    string? NodeProgram,
    TimeSpan FormTimeout);
