using System.Net;
using System.Net.Sockets;
using ClusterActors.Cli.LocalCluster;
using ClusterActors.Hocon.Layering;
using ClusterActors.Node.Configuration;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>The files <c>clusterctl local-cluster</c> writes, read back the way a node reads them.</summary>
public sealed class LocalClusterLayoutTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private LocalClusterLayout Plan(int nodes = 3, int basePort = 2552, int httpBasePort = 8558) =>
        LocalClusterLayout.Plan(new LocalClusterOptions
        {
            Nodes = nodes,
            BasePort = basePort,
            HttpBasePort = httpBasePort,
            Directory = dir.Path,
            Secret = "s3cret \"quoted\" \\ back",
            Token = "t0ken",
        });

    [Fact]
    public void Node_files_give_node_i_its_id_consecutive_ports_every_seed_one_secret_one_token_and_a_sibling_data_dir()
    {
        var layout = Plan();
        layout.Write();

        var seeds = new[] { "ca.tcp://clusteractors@127.0.0.1:2552", "ca.tcp://clusteractors@127.0.0.1:2553", "ca.tcp://clusteractors@127.0.0.1:2554" };
        Assert.Equal(seeds, layout.Nodes.Select(n => n.Address));
        foreach (var node in layout.Nodes)
        {
            var config = RuntimeConfiguration.Load(node.ConfigFile, [], _ => null);
            Assert.Equal($"node-{node.Index}", config.GetString("clusteractors.node.node-id"));
            Assert.Equal(2551 + node.Index, config.GetInt("clusteractors.remote.port"));
            Assert.Equal(8557 + node.Index, config.GetInt("clusteractors.management.http.port"));
            Assert.Equal("127.0.0.1", config.GetString("clusteractors.remote.hostname"));
            Assert.Equal(seeds, config.GetStringList("clusteractors.cluster.seed-nodes"));
            Assert.Equal("s3cret \"quoted\" \\ back", config.GetString("clusteractors.cluster.secret"));
            Assert.Equal("t0ken", config.GetString("clusteractors.management.http.token"));
            Assert.Equal("refuse", config.GetString("clusteractors.cluster.isolation-policy"));

            // The default quorum-device path is relative to the data dir: one file for all nodes.
            var dataDir = config.GetString("clusteractors.node.data-dir");
            Assert.Equal(Path.Combine(dir.Path, $"node-{node.Index}"), dataDir);
            Assert.True(Directory.Exists(dataDir));
            Assert.Equal(layout.QuorumDeviceFile, Path.GetFullPath(Path.Combine(dataDir, config.GetString("clusteractors.cluster.quorum-devices.sqlite.path"))));

            var settings = NodeSettings.From(config);
            Assert.Equal(node.NodeId, settings.Transport.NodeId);
            Assert.Equal(node.Ports.Management, settings.ManagementPort);
        }
    }

    [Fact]
    public void Overlapping_port_ranges_are_refused_naming_both_uses()
    {
        var error = Assert.Throws<LocalClusterException>(() => Plan(nodes: 3, basePort: 8556, httpBasePort: 8558));

        Assert.Contains("port 8558 would be both the management port of node-1 and the cluster port of node-3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ports_past_65535_and_port_0_are_refused_naming_the_option()
    {
        var high = Assert.Throws<LocalClusterException>(() => Plan(nodes: 3, basePort: 65534));
        var zero = Assert.Throws<LocalClusterException>(() => LocalClusterLayout.Plan(new LocalClusterOptions
        {
            Nodes = 1,
            Ports = [new NodePorts(0, 9000)],
            Directory = dir.Path,
            Secret = "s",
            Token = "t",
        }));

        Assert.Contains("--base-port 65534", high.Message, StringComparison.Ordinal);
        Assert.Contains("port 0 cannot be used", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_port_is_named_with_what_it_was_meant_for()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var taken = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var free = LocalPorts.PickFree(3).Where(p => p != taken).Take(3).ToList();
        var layout = LocalClusterLayout.Plan(new LocalClusterOptions
        {
            Nodes = 2,
            Ports = [new NodePorts(free[0], free[1]), new NodePorts(taken, free[2])],
            Directory = dir.Path,
            Secret = "s",
            Token = "t",
        });

        var error = Assert.Throws<LocalClusterException>(layout.EnsurePortsFree);

        Assert.Contains($"port {taken} on 127.0.0.1 (cluster transport of node-2) is taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_that_would_override_a_generated_key_are_found()
    {
        var environment = new Dictionary<string, string> { ["CLUSTERACTORS_REMOTE_PORT"] = "1", ["CLUSTERACTORS_ACTOR_THROUGHPUT"] = "5" };

        var overrides = LocalClusterLayout.EnvironmentOverrides(environment.GetValueOrDefault);

        Assert.Equal([("CLUSTERACTORS_REMOTE_PORT", "clusteractors.remote.port")], overrides);
    }
}
