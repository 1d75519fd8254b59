namespace ClusterActors.Cli.LocalCluster;

/// <summary>What <see cref="LocalClusterLayout.Plan"/> lays out: N nodes on loopback sharing one secret and one token.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>How many nodes.</summary>
    public int Nodes { get; init; } = 3;

    /// <summary>Cluster transport port of node-1; node-i gets <c>BasePort + i - 1</c>.</summary>
    public int BasePort { get; init; } = 2552;

    /// <summary>Management HTTP port of node-1; node-i gets <c>HttpBasePort + i - 1</c>.</summary>
    public int HttpBasePort { get; init; } = 8558;

    /// <summary>Ports per node, overriding the consecutive ones (tests and benchmarks take whatever ports are free); one entry per node.</summary>
    public IReadOnlyList<NodePorts>? Ports { get; init; }

    /// <summary>Where the node files and data directories go (made absolute).</summary>
    public string Directory { get; init; } = Path.Combine("data", "local-cluster");

    /// <summary>The <c>clusteractors.cluster.secret</c> every node shares.</summary>
    public required string Secret { get; init; }

    /// <summary>The <c>clusteractors.management.http.token</c> every node shares.</summary>
    public required string Token { get; init; }
}

/// <summary>The two ports of one node.</summary>
/// <param name="Remote">Cluster transport (<c>clusteractors.remote.port</c>).</param>
/// <param name="Management">Management HTTP (<c>clusteractors.management.http.port</c>).</param>
public sealed record NodePorts(int Remote, int Management);
