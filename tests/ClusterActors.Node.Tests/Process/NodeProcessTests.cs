using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClusterActors.Management;

namespace ClusterActors.Node.Tests.Process;

/// <summary>The node as an operator runs it: a real process, real HTTP, real signals.</summary>
public sealed class NodeProcessTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory dir = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        dir.Dispose();
    }

    [Fact]
    public async Task Node_answers_alive_and_ready_then_shuts_down_in_order_on_sigterm_with_exit_0()
    {
        var config = dir.Write("node.conf", "clusteractors.node.system-name = probe-node\nclusteractors.management.http.port = 0\nclusteractors.remote.port = 0");
        await using var node = NodeProcess.Start("--config", config);
        var management = await node.WaitForManagementAddress(Deadline);

        var alive = await http.GetAsync(new Uri(management, "/alive"));
        var ready = await http.GetAsync(new Uri(management, "/ready"));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<ManagementMessage>())!.Message);
        Assert.Matches(new Regex(@"Actor system probe-node is up at ca\.tcp://probe-node@127\.0\.0\.1:\d+ as node 127\.0\.0\.1:0, incarnation -?\d+"), node.Output);

        await node.Signal("TERM");

        Assert.Equal(0, await node.WaitForExit(Deadline));
        Assert.Matches(new Regex(@"Actor system probe-node terminated after an ordered shutdown \(process-exit\)"), node.Output);
    }

    [Fact]
    public async Task Node_exits_0_on_ctrl_c()
    {
        await using var node = NodeProcess.Start("--set", "clusteractors.management.http.port = 0", "--set", "clusteractors.remote.port = 0");
        await node.WaitForManagementAddress(Deadline);

        await node.Signal("INT");

        Assert.Equal(0, await node.WaitForExit(Deadline));
    }

    [Fact]
    public async Task Node_with_a_bad_config_file_exits_2_naming_file_line_and_column()
    {
        var config = dir.Write("bad.conf", "clusteractors {\n  management.http.port = 0\n  actor.throughput = }\n");
        await using var node = NodeProcess.Start("--config", config);

        var exit = await node.WaitForExit(Deadline);

        Assert.Equal(ExitCodes.BadConfiguration, exit);
        Assert.Matches(new Regex(@"bad\.conf:3:\d+: "), node.Output);
    }

    [Fact]
    public async Task Node_whose_management_port_is_taken_exits_1_naming_the_endpoint()
    {
        using var occupant = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var node = NodeProcess.Start("--set", $"clusteractors.management.http.port = {port}", "--set", "clusteractors.remote.port = 0");

        Assert.Equal(ExitCodes.Failed, await node.WaitForExit(Deadline));
        Assert.Contains($"cannot serve management HTTP on 127.0.0.1:{port}", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_with_an_unacceptable_value_exits_2_naming_the_key()
    {
        await using var node = NodeProcess.Start("--set", "clusteractors.management.http.port = 99999");

        Assert.Equal(ExitCodes.BadConfiguration, await node.WaitForExit(Deadline));
        Assert.Contains("clusteractors.management.http.port", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_whose_cluster_port_is_taken_exits_1_naming_the_endpoint()
    {
        using var occupant = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var node = NodeProcess.Start("--set", "clusteractors.management.http.port = 0", "--set", $"clusteractors.remote.port = {port}");

        Assert.Equal(ExitCodes.Failed, await node.WaitForExit(Deadline));
        Assert.Contains($"cannot listen for cluster peers on 127.0.0.1:{port}", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_on_a_non_loopback_address_without_a_cluster_secret_refuses_to_start()
    {
        await using var node = NodeProcess.Start("--set", "clusteractors.management.http.port = 0", "--set", "clusteractors.remote.hostname = \"0.0.0.0\"");

        Assert.Equal(ExitCodes.BadConfiguration, await node.WaitForExit(Deadline));
        Assert.Contains("clusteractors.cluster.secret", node.Output, StringComparison.Ordinal);
    }
}
