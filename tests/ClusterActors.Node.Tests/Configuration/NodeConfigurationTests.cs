using System.Net;
using ClusterActors.Cluster.Membership;
using ClusterActors.Hocon;
using ClusterActors.Node.Configuration;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Node.Tests.Configuration;

public sealed class NodeConfigurationTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static NodeSettings Load(string? file, string[]? overrides = null, Func<string, string?>? environment = null) =>
        NodeSettings.From(NodeConfiguration.Load(new NodeLaunch(file, overrides ?? []), environment ?? NoEnvironment));

    [Fact]
    public void Reference_alone_gives_loopback_management_on_8558()
    {
        var settings = Load(file: null);

        Assert.Equal("clusteractors", settings.SystemName);
        Assert.Equal(IPAddress.Loopback, settings.ManagementAddress);
        Assert.Equal(8558, settings.ManagementPort);
        Assert.Equal(LogLevel.Information, settings.LogLevel);
        Assert.Equal(30, settings.ActorSystem.Throughput);
        Assert.True(settings.ActorSystem.PreferLocalQueues);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ActorSystem.DefaultAskTimeout);
    }

    [Fact]
    public void Node_file_overrides_reference()
    {
        var file = dir.Write("node.conf", "clusteractors.management.http.port = 9100\nclusteractors.actor { throughput = 7, prefer-local-queues = off }");

        var settings = Load(file);

        Assert.Equal(9100, settings.ManagementPort);
        Assert.Equal(7, settings.ActorSystem.Throughput);
        Assert.False(settings.ActorSystem.PreferLocalQueues);
    }

    [Fact]
    public void Environment_overrides_node_file()
    {
        var file = dir.Write("node.conf", "clusteractors.management.http.port = 9100");
        var environment = new Dictionary<string, string> { ["CLUSTERACTORS_MANAGEMENT_HTTP_PORT"] = "9200", ["CLUSTERACTORS_ACTOR_ASK_TIMEOUT"] = "250ms" };

        var settings = Load(file, environment: environment.GetValueOrDefault);

        Assert.Equal(9200, settings.ManagementPort);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.ActorSystem.DefaultAskTimeout);
    }

    [Fact]
    public void Command_line_overrides_environment()
    {
        var environment = new Dictionary<string, string> { ["CLUSTERACTORS_MANAGEMENT_HTTP_PORT"] = "9200" };

        var settings = Load(null, ["clusteractors.management.http.port = 9300"], environment.GetValueOrDefault);

        Assert.Equal(9300, settings.ManagementPort);
    }

    [Fact]
    public void Node_file_may_use_substitutions_into_reference_keys()
    {
        var file = dir.Write("node.conf", "base-port = 9400\nclusteractors.management.http.port = ${base-port}");

        Assert.Equal(9400, Load(file).ManagementPort);
    }

    [Fact]
    public void Environment_variable_name_follows_the_key_path()
    {
        Assert.Equal(
            "CLUSTERACTORS_COORDINATED_SHUTDOWN_DEFAULT_PHASE_TIMEOUT",
            ClusterActors.Hocon.Layering.HoconLayers.EnvironmentVariableFor("clusteractors.coordinated-shutdown.default-phase-timeout", "clusteractors", "CLUSTERACTORS_"));
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var file = dir.Write("broken.conf", "clusteractors {\n  management.http.port = 9100\n  actor { throughput = [1, 2 }\n}\n");

        var error = Assert.ThrowsAny<HoconException>(() => Load(file));

        Assert.Contains("broken.conf:3:", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Missing_config_file_is_an_error_naming_it()
    {
        var missing = System.IO.Path.Combine(dir.Path, "nope.conf");

        var error = Assert.ThrowsAny<HoconException>(() => Load(missing));

        Assert.Contains("nope.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistyped_value_names_its_key()
    {
        var file = dir.Write("node.conf", "clusteractors.management.http.port = eighty");

        var error = Assert.ThrowsAny<HoconException>(() => Load(file));

        Assert.Contains("clusteractors.management.http.port", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clusteractors.management.http.port = 70000", "clusteractors.management.http.port")]
    [InlineData("clusteractors.management.http.hostname = \"not an address\"", "clusteractors.management.http.hostname")]
    [InlineData("clusteractors.logging.level = Loud", "clusteractors.logging.level")]
    [InlineData("clusteractors.actor.throughput = 0", "clusteractors.actor.throughput")]
    [InlineData("clusteractors.actor.ask-timeout = 0s", "clusteractors.actor.ask-timeout")]
    [InlineData("clusteractors.node.system-name = \"has space\"", "clusteractors.node.system-name")]
    [InlineData("clusteractors.coordinated-shutdown.phase-timeouts.cluster-leav = 5s", "clusteractors.coordinated-shutdown.phase-timeouts.cluster-leav")]
    [InlineData("clusteractors.remote.port = 70000", "clusteractors.remote.port")]
    [InlineData("clusteractors.remote.hostname = \"no spaces allowed\"", "clusteractors.remote.hostname")]
    [InlineData("clusteractors.remote.hostname = \"10.1.2.3\"", "clusteractors.cluster.secret")]
    [InlineData("clusteractors.remote.max-frame-size = 100", "clusteractors.remote.max-frame-size")]
    [InlineData("clusteractors.remote.outbound-queue-capacity = 0", "clusteractors.remote.outbound-queue-capacity")]
    [InlineData("clusteractors.remote { reconnect-backoff-min = 2s, reconnect-backoff-max = 1s }", "clusteractors.remote.reconnect-backoff-max")]
    [InlineData("clusteractors.node.node-id = \"-starts-with-dash\"", "clusteractors.node.node-id")]
    [InlineData("clusteractors.cluster.seed-nodes = [\"not-an-address\"]", "clusteractors.cluster.seed-nodes")]
    [InlineData("clusteractors.cluster.isolation-policy = maybe", "clusteractors.cluster.isolation-policy")]
    [InlineData("clusteractors.cluster.reconfiguration-timeout = 0s", "clusteractors.cluster.reconfiguration-timeout")]
    [InlineData("clusteractors.cluster { heartbeat-interval = 1s, communication-timeout = 500ms }", "clusteractors.cluster.communication-timeout")]
    public void Unacceptable_value_is_rejected_naming_its_key(string line, string key)
    {
        var file = dir.Write("node.conf", line);

        var error = Assert.Throws<ConfigurationValueException>(() => Load(file));

        Assert.Equal(key, error.Path);
    }

    [Fact]
    public void Remote_settings_reach_the_transport_and_a_secret_allows_a_non_loopback_address()
    {
        var file = dir.Write("node.conf", "clusteractors { node { system-name = prod, node-id = node-7 }, remote { hostname = \"10.1.2.3\", port = 2600, outbound-queue-capacity = 50 }, cluster.secret = s3cret }");

        var transport = Load(file).Transport;

        Assert.Equal(("prod", "10.1.2.3", 2600, "node-7", 50), (transport.SystemName, transport.Hostname, transport.Port, transport.NodeId, transport.OutboundQueueCapacity));
        Assert.False(transport.Secret.IsEmpty);
        Assert.NotEqual(0, transport.Incarnation);
    }

    [Fact]
    public void Membership_settings_reach_the_coordinator_and_the_token_the_management_routes()
    {
        var file = dir.Write("node.conf", """
            clusteractors {
              cluster {
                seed-nodes = ["ca.tcp://prod@10.0.0.1:2552", "ca.tcp://prod@10.0.0.2:2552"]
                isolation-policy = form
                communication-timeout = 900ms
                quorum-devices.devices = [{ id = "disk-a", nodes = ["node-1", "node-2"] }]
              }
              management.http.token = "t0ken"
            }
            """);

        var settings = Load(file);

        Assert.Equal(["ca.tcp://prod@10.0.0.1:2552", "ca.tcp://prod@10.0.0.2:2552"], settings.Membership.SeedNodes.Select(address => address.ToString()));
        Assert.Equal(IsolationPolicy.Form, settings.Membership.IsolationPolicy);
        Assert.Equal(TimeSpan.FromMilliseconds(900), settings.Membership.CommunicationTimeout);
        Assert.Equal("disk-a", settings.Membership.Devices.DeviceSharedBy("node-2", "node-1"));
        Assert.Equal("t0ken", settings.ManagementToken);
    }

    [Fact]
    public void Phase_timeouts_reach_the_kernel_settings()
    {
        var file = dir.Write("node.conf", "clusteractors.coordinated-shutdown { default-phase-timeout = 3s, phase-timeouts.service-stop = 1500ms }");

        var settings = Load(file).ActorSystem;

        Assert.Equal(TimeSpan.FromSeconds(3), settings.ShutdownPhaseTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.ShutdownPhaseTimeouts["service-stop"]);
        Assert.Equal(TimeSpan.FromSeconds(25), settings.ShutdownPhaseTimeouts["cluster-leave"]);
    }

    [Fact]
    public void Sample_node_conf_in_the_repository_loads()
    {
        var sample = RepositoryFiles.Find("hocon/node.conf");

        var settings = Load(sample);

        Assert.Equal(8558, settings.ManagementPort);
        Assert.Equal("data/node1", settings.DataDirectory);
    }
}
