using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterActors.Actors;
using ClusterActors.Cli;
using ClusterActors.Node.Tests.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using CliExitCodes = ClusterActors.Cli.ExitCodes;

namespace ClusterActors.Node.Tests.Cli;

/// <summary><c>clusterctl transitions</c> through the real command tree against the real route over a scripted transitions client.</summary>
public sealed class TransitionsCommandsTests : IAsyncLifetime
{
    private readonly ClusterTransitionsFakeClient transitions = new();
    private ClusterTransitionsServer? server;

    public async Task InitializeAsync() => server = await ClusterTransitionsServer.StartAsync(transitions);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private string Url => server!.BaseAddress.ToString();

    private static async Task<(int Exit, string Out, string Err)> RunWith(Dictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var parsed = ClusterCtl.Create(output, errors, name => environment?.GetValueOrDefault(name)).Parse(args);
        Assert.Empty(parsed.Errors);
        var exit = await parsed.InvokeAsync();
        return (exit, output.ToString(), errors.ToString());
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunWith(null, args);

    private static List<string> Lines(string output) => [.. output.Split('\n').Select(l => l.TrimEnd('\r'))];

    // The rows of the table that starts with the header matching headerPattern, up to the next blank line.
    private static List<string> Table(List<string> lines, string headerPattern)
    {
        var start = lines.FindIndex(l => Regex.IsMatch(l, headerPattern));
        Assert.True(start >= 0, $"no header matching {headerPattern} in:\n{string.Join('\n', lines)}");
        return [.. lines.Skip(start).TakeWhile(l => l.Length > 0)];
    }

    [Fact]
    public async Task T1_transitions_command_prints_the_summary_and_every_nodes_state()
    {
        var (exit, output, errors) = await Run("transitions", "--url", Url);

        Assert.Equal(CliExitCodes.Ok, exit);
        Assert.Equal(string.Empty, errors);
        var lines = Lines(output);
        Assert.Equal("answered by ca.tcp://sys@127.0.0.1:2553  sequencer ca.tcp://sys@127.0.0.1:2553  epoch 9", lines[0]);
        var nodes = Table(lines, @"^NODE\s+STATE\s+TRANSITION\s+LEVEL\s+BARRIER\s+ACKNOWLEDGED\s+AWAITING\s+DEREGISTERED\s+ADDRESS$");
        Assert.Equal(6, nodes.Count);
        Assert.Matches(@"^node-1\s+Joined\s+-\s+-\s+-\s+-\s+-\s+-\s+ca\.tcp://sys@127\.0\.0\.1:2551$", nodes[1]);
        Assert.Matches(@"^node-2\s+Joining\s+Join\s+1\s+0\s+node-1\s+node-2,node-3\s+-\s+ca\.tcp://sys@127\.0\.0\.1:2552$", nodes[2]);
        Assert.Matches(@"^node-3\s+Leaving\s+Leave\s+3\s+1\s+node-1,node-2\s+node-3\s+4\s+ca\.tcp://sys@127\.0\.0\.1:2553$", nodes[3]);
        Assert.Matches(@"^node-4\s+ForcedLeaving\s+ForcedLeave\s+2\s+0\s+-\s+node-1,node-2,node-3\s+-\s+ca\.tcp://sys@127\.0\.0\.1:2554$", nodes[4]);
        Assert.Matches(@"^node-5\s+Inactive\s+-\s+-\s+-\s+-\s+-\s+-\s+ca\.tcp://sys@127\.0\.0\.1:2555$", nodes[5]);
        Assert.Equal("note for node-5: rejoin queued until every survivor has processed its forced leave", lines[^2]);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public async Task T2_transitions_command_prints_the_levels_with_subsystems_and_barriers()
    {
        var (_, output, _) = await Run("transitions", "--url", Url);

        var levels = Table(Lines(output), @"^LEVEL\s+SUBSYSTEMS\s+BARRIERS J/L/F$");
        Assert.Equal(5, levels.Count);
        Assert.Matches(@"^1\s+node-1/membership,node-2/membership,node-3/membership\s+1/1/1$", levels[1]);
        Assert.Matches(@"^2\s+node-1/lock-manager,node-3/lock-manager\s+1/1/1$", levels[2]);
        Assert.Matches(@"^3\s+node-1/disk,node-3/disk\s+2/2/1$", levels[3]);
        Assert.Matches(@"^4\s+node-3/event-manager\s+1/3/1$", levels[4]);
    }

    [Fact]
    public async Task Transitions_tables_align_every_column()
    {
        var (_, output, _) = await Run("transitions", "--url", Url);

        var lines = Lines(output);
        foreach (var table in new[] { Table(lines, "^LEVEL"), Table(lines, "^NODE") })
        {
            // Cells hold no spaces except the header "BARRIERS J/L/F", so a column starts where a run of spaces ends.
            var starts = table.Select(row => Regex.Matches(row.Replace("BARRIERS J/L/F", "BARRIERS_J/L/F", StringComparison.Ordinal), @"(?<=\s)\S+").Select(m => m.Index).ToList()).ToList();
            Assert.Single(starts.Select(s => s.Count).Distinct());
            for (var column = 0; column < starts[0].Count; column++)
            {
                Assert.Single(starts.Select(s => s[column]).Distinct());
            }

            Assert.All(table, row => Assert.False(row.EndsWith(' '), $"trailing space in '{row}'"));
        }
    }

    [Fact]
    public async Task Transitions_shows_no_sequencer_and_the_note()
    {
        transitions.Snapshot = ClusterTransitionsFakeClient.FiveNodes with
        {
            AnsweredBy = ClusterTransitionsFakeClient.Node1,
            Sequencer = null,
            Note = "The sequencer did not answer; this is node-1's own view",
        };

        var (exit, output, _) = await Run("transitions", "--url", Url);

        Assert.Equal(CliExitCodes.Ok, exit);
        var lines = Lines(output);
        Assert.Equal("answered by ca.tcp://sys@127.0.0.1:2551  sequencer (none)  epoch 9", lines[0]);
        Assert.Equal("note: The sequencer did not answer; this is node-1's own view", lines[1]);
    }

    [Fact]
    public async Task Transitions_json_prints_the_servers_json()
    {
        var (exit, output, _) = await Run("transitions", "--url", Url, "--json");

        Assert.Equal(CliExitCodes.Ok, exit);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(9, json["epoch"]!.GetValue<long>());
        Assert.Equal(5, json["nodes"]!.AsArray().Count);
        Assert.Equal(3, json["transitional"]!.AsArray().Count);
    }

    [Fact]
    public async Task Transitions_uses_the_url_from_the_environment_when_no_url_is_given()
    {
        var (exit, output, _) = await RunWith(new() { ["CLUSTERACTORS_MANAGEMENT_URL"] = Url }, "transitions");

        Assert.Equal(CliExitCodes.Ok, exit);
        Assert.StartsWith("answered by ca.tcp://sys@127.0.0.1:2553", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_timeout_exits_unavailable_with_the_servers_message()
    {
        transitions.Failure = new AskTimeoutException("no answer");

        var (exit, output, errors) = await Run("transitions", "--url", Url);

        Assert.Equal(CliExitCodes.Unavailable, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("clusterctl: The transition supervisor did not answer in time (HTTP 503 from GET ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_refused_is_a_one_line_error_naming_the_url_and_exits_unavailable()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/";

        var (exit, output, errors) = await Run("transitions", "--url", url);

        Assert.Equal(CliExitCodes.Unavailable, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"clusterctl: cannot reach the management endpoint at {url}", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:8558")]
    public async Task A_url_that_is_not_http_exits_bad_input_naming_it(string url)
    {
        var (exit, _, errors) = await Run("transitions", "--url", url);

        Assert.Equal(CliExitCodes.BadInput, exit);
        Assert.Contains($"'{url}' (from --url)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_without_the_transitions_route_fails_naming_the_url()
    {
        await using var old = await ClusterTransitionsServer.StartAsync(_ => { });

        var (exit, output, errors) = await Run("transitions", "--url", old.BaseAddress.ToString());

        Assert.Equal(CliExitCodes.Failed, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"(HTTP 404 from GET {old.BaseAddress}cluster/transitions)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_missing_a_field_fails_naming_the_url_instead_of_printing_blanks()
    {
        await using var wrong = await ClusterTransitionsServer.StartAsync(endpoints =>
            endpoints.MapGet("/cluster/transitions", () => Results.Text("""{"answeredBy":"ca.tcp://sys@127.0.0.1:2551","sequencer":null,"epoch":3,"note":null,"levels":[]}""", "application/json")));

        var (exit, output, errors) = await Run("transitions", "--url", wrong.BaseAddress.ToString());

        Assert.Equal(CliExitCodes.Failed, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"clusterctl: {wrong.BaseAddress}cluster/transitions answered JSON that is not a transitions view", errors, StringComparison.Ordinal);
        Assert.Contains("nodes", errors, StringComparison.Ordinal);
    }

    // A port that was just bound and released: nothing listens there, so connecting is refused.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
