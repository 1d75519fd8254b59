using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterActors.Actors;
using ClusterActors.Cli;
using ClusterActors.Cluster.Membership;
using ClusterActors.Management.Cluster;
using ClusterActors.Node.Tests.Management;
using CliExitCodes = ClusterActors.Cli.ExitCodes;

namespace ClusterActors.Node.Tests.Cli;

/// <summary><c>clusterctl members | join | leave | down</c> through the real command tree against the real routes over a scripted membership.</summary>
public sealed class MembersCommandsTests : IAsyncLifetime
{
    private const string Token = "cli-token";
    private static readonly Address Node2Address = new("ca.tcp", "sys", "127.0.0.1", 2552);

    private readonly ClusterMembersFakeClient membership = new();
    private ClusterMembersServer? server;

    public async Task InitializeAsync() => server = await ClusterMembersServer.StartAsync(membership, new ManagementToken(Token));

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

    [Fact]
    public async Task Members_prints_a_summary_line_and_a_node_uid_status_table()
    {
        var (exit, output, errors) = await Run("members", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("epoch 7  crown prince ca.tcp://sys@127.0.0.1:2553  quorum yes  self ca.tcp://sys@127.0.0.1:2551 Up", lines[0]);
        Assert.Matches(@"^NODE\s+UID\s+STATUS$", lines[1]);
        Assert.Matches(@"^ca\.tcp://sys@127\.0\.0\.1:2553\s+33\s+Up$", lines[2]);
        Assert.Matches(@"^ca\.tcp://sys@127\.0\.0\.1:2552\s+22\s+Up$", lines[3]);
        Assert.Matches(@"^ca\.tcp://sys@127\.0\.0\.1:2551\s+11\s+Up$", lines[4]);
        Assert.Equal("unreachable: ca.tcp://sys@127.0.0.1:2553 (observed by node-1, node-2)", lines[5]);
        Assert.Equal(6, lines.Count);
    }

    [Fact]
    public async Task Members_table_aligns_columns_for_addresses_and_uids_of_different_lengths()
    {
        var longer = new ClusterMember("node-12", new Address("ca.tcp", "sys", "node-twelve.example", 12552), 123456789);
        membership.State = ClusterMembersFakeClient.ThreeUp with
        {
            Members = [new MemberEntry(longer, 1), new MemberEntry(ClusterMembersFakeClient.Node1, 1)],
            Unreachable = [],
        };

        var (_, output, _) = await Run("members", "--url", Url);

        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        var columns = rows.Select(r => Regex.Match(r.TrimEnd('\r'), @"^\S+\s+(\S+)\s+(\S+)$")).ToList();
        Assert.All(columns, c => Assert.True(c.Success));
        Assert.Equal(["UID", "123456789", "11"], columns.Select(c => c.Groups[1].Value));
        Assert.Single(columns.Select(c => c.Groups[1].Index).Distinct());
        Assert.Single(columns.Select(c => c.Groups[2].Index).Distinct());
    }

    [Fact]
    public async Task Members_shows_no_quorum_and_the_reason()
    {
        membership.State = ClusterMembersFakeClient.ThreeUp with
        {
            Status = MembershipStatus.Stopped,
            HasQuorum = false,
            CrownPrince = null,
            Unreachable = [],
            Reason = "Lost quorum",
        };

        var (exit, output, _) = await Run("members", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Contains("crown prince (none)  quorum no  self ca.tcp://sys@127.0.0.1:2551 Stopped", output, StringComparison.Ordinal);
        Assert.Contains("reason: Lost quorum", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_json_prints_the_servers_json()
    {
        var (exit, output, _) = await Run("members", "--url", Url, "--json");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(7, json["epoch"]!.GetValue<long>());
        Assert.Equal(3, json["members"]!.AsArray().Count);
        Assert.True(json.ContainsKey("oldestPerRole"));
    }

    [Fact]
    public async Task Members_uses_the_url_from_the_environment_when_no_url_is_given()
    {
        var (exit, output, _) = await RunWith(new() { ["CLUSTERACTORS_MANAGEMENT_URL"] = Url }, "members");

        Assert.Equal(0, exit);
        Assert.StartsWith("epoch 7", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_option_wins_over_the_environment()
    {
        var (exit, _, _) = await RunWith(new() { ["CLUSTERACTORS_MANAGEMENT_URL"] = "http://127.0.0.1:1" }, "members", "--url", Url);

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Leave_sends_operation_leave_for_the_address_with_the_token()
    {
        membership.Result = new MembershipCommandResult(MembershipCommandOutcome.Accepted, "ca.tcp://sys@127.0.0.1:2552 is leaving");

        var (exit, output, errors) = await Run("leave", "ca.tcp://sys@127.0.0.1:2552", "--url", Url, "--token", Token);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal("ca.tcp://sys@127.0.0.1:2552 is leaving", output.Trim());
        Assert.Equal([("Leave", Node2Address)], membership.Commands);
    }

    [Fact]
    public async Task Down_takes_the_token_from_the_environment_and_a_short_address()
    {
        var (exit, _, errors) = await RunWith(new() { ["CLUSTERACTORS_MANAGEMENT_HTTP_TOKEN"] = Token }, "down", "sys@127.0.0.1:2552", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal([("Down", Node2Address)], membership.Commands);
    }

    [Fact]
    public async Task Join_posts_the_address()
    {
        var (exit, output, _) = await Run("join", "sys@127.0.0.1:2552", "--url", Url, "--token", Token);

        Assert.Equal(0, exit);
        Assert.Equal("Request accepted", output.Trim());
        Assert.Equal([("Join", Node2Address)], membership.Commands);
    }

    [Fact]
    public async Task Refused_down_prints_the_servers_message_and_fails()
    {
        membership.Result = new MembershipCommandResult(MembershipCommandOutcome.Refused, "No quorum: cannot down anyone");

        var (exit, output, errors) = await Run("down", "sys@127.0.0.1:2552", "--url", Url, "--token", Token);

        Assert.Equal(CliExitCodes.Failed, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("clusterctl: No quorum: cannot down anyone (HTTP 409", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leave_without_a_token_prints_the_401_message_and_fails()
    {
        var (exit, _, errors) = await Run("leave", "sys@127.0.0.1:2552", "--url", Url);

        Assert.Equal(CliExitCodes.Failed, exit);
        Assert.Contains(BearerTokenGate.MissingMessage, errors, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", errors, StringComparison.Ordinal);
        Assert.Empty(membership.Commands);
    }

    [Fact]
    public async Task A_bad_address_prints_the_400_message_and_exits_bad_input()
    {
        var (exit, _, errors) = await Run("leave", "sys@nowhere", "--url", Url, "--token", Token);

        Assert.Equal(CliExitCodes.BadInput, exit);
        Assert.Contains("'sys@nowhere' is not a member address", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_timeout_exits_unavailable_with_the_servers_message()
    {
        membership.Failure = new AskTimeoutException("no answer");

        var (exit, _, errors) = await Run("members", "--url", Url);

        Assert.Equal(CliExitCodes.Unavailable, exit);
        Assert.Contains("The membership coordinator did not answer in time", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_refused_is_a_one_line_error_naming_the_url_and_exits_unavailable()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/";

        var (exit, output, errors) = await Run("members", "--url", url);

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
        var (exit, _, errors) = await Run("members", "--url", url);

        Assert.Equal(CliExitCodes.BadInput, exit);
        Assert.Contains($"'{url}' (from --url)", errors, StringComparison.Ordinal);
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
