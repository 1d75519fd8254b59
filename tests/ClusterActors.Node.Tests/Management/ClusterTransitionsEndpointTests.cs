using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClusterActors.Actors;
using ClusterActors.Cluster.Transitions;
using ClusterActors.Management;
using ClusterActors.Management.Cluster;
using ClusterActors.Management.Transitions;

namespace ClusterActors.Node.Tests.Management;

/// <summary><c>GET /cluster/transitions</c> on a real Kestrel listener, over a scripted transitions client.</summary>
public sealed class ClusterTransitionsEndpointTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] NodeKeys =
        ["node", "nodeId", "incarnation", "state", "transition", "level", "barrier", "acknowledged", "awaiting", "deregisteredLevels", "note"];

    private readonly ClusterTransitionsFakeClient transitions = new();
    private readonly HttpClient http = new();
    private ClusterTransitionsServer? server;

    public async Task InitializeAsync() => server = await ClusterTransitionsServer.StartAsync(transitions);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose() => http.Dispose();

    private Uri Url => new(server!.BaseAddress, "/cluster/transitions");

    private async Task<JsonObject> GetJsonAsync()
    {
        var response = await http.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject NodeOf(JsonObject json, string nodeId) =>
        json["nodes"]!.AsArray().Select(n => n!.AsObject()).Single(n => n["nodeId"]!.GetValue<string>() == nodeId);

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];

    [Fact]
    public async Task T1_transitions_endpoint_shows_every_node_state()
    {
        var json = await GetJsonAsync();

        var nodes = json["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.Equal(["node-1", "node-2", "node-3", "node-4", "node-5"], nodes.Select(n => n["nodeId"]!.GetValue<string>()));
        Assert.Equal(["Joined", "Joining", "Leaving", "ForcedLeaving", "Inactive"], nodes.Select(n => n["state"]!.GetValue<string>()));
        Assert.Equal(
            ["ca.tcp://sys@127.0.0.1:2551", "ca.tcp://sys@127.0.0.1:2552", "ca.tcp://sys@127.0.0.1:2553", "ca.tcp://sys@127.0.0.1:2554", "ca.tcp://sys@127.0.0.1:2555"],
            nodes.Select(n => n["node"]!.GetValue<string>()));
        Assert.Equal([11L, 22L, 33L, 44L, 55L], nodes.Select(n => n["incarnation"]!.GetValue<long>()));
        Assert.All(nodes, n => Assert.Equal(NodeKeys, n.Select(p => p.Key)));
    }

    [Fact]
    public async Task T1_node_addresses_are_written_as_the_members_route_writes_them()
    {
        var snapshot = ClusterMembersFakeClient.ThreeUp;
        var members = ClusterMembersView.From(snapshot);
        transitions.Snapshot = ClusterTransitionsFakeClient.FiveNodes with
        {
            AnsweredBy = snapshot.Self,
            Nodes = [.. snapshot.Members.Select(m => ClusterTransitionsFakeClient.Idle(m.Member.NodeId, m.Member, NodeTransitionState.Joined))],
        };

        var json = await GetJsonAsync();

        Assert.Equal(members.SelfNode, json["answeredBy"]!.GetValue<string>());
        Assert.Equal(members.Members.Select(m => m.Node), json["nodes"]!.AsArray().Select(n => n!["node"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Transitions_endpoint_names_who_answered_the_sequencer_the_epoch_and_its_messages_sent()
    {
        var json = await GetJsonAsync();

        Assert.Equal(["answeredBy", "sequencer", "epoch", "note", "levels", "nodes", "transitional", "messagesSent"], json.Select(p => p.Key));
        Assert.Equal("ca.tcp://sys@127.0.0.1:2553", json["answeredBy"]!.GetValue<string>());
        Assert.Equal("ca.tcp://sys@127.0.0.1:2553", json["sequencer"]!.GetValue<string>());
        Assert.Equal(9, json["epoch"]!.GetValue<long>());
        Assert.True(json.ContainsKey("note"));
        Assert.Null(json["note"]);
        Assert.Equal(412, json["messagesSent"]!.GetValue<long>());
    }

    [Fact]
    public async Task Without_a_reachable_sequencer_the_endpoint_shows_null_and_the_note()
    {
        transitions.Snapshot = ClusterTransitionsFakeClient.FiveNodes with
        {
            AnsweredBy = ClusterTransitionsFakeClient.Node1,
            Sequencer = null,
            Note = "The sequencer did not answer; this is node-1's own view",
        };

        var json = await GetJsonAsync();

        Assert.Equal("ca.tcp://sys@127.0.0.1:2551", json["answeredBy"]!.GetValue<string>());
        Assert.True(json.ContainsKey("sequencer"));
        Assert.Null(json["sequencer"]);
        Assert.Equal("The sequencer did not answer; this is node-1's own view", json["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task T2_transitions_endpoint_lists_each_level_with_its_subsystems_and_barriers()
    {
        var json = await GetJsonAsync();

        var levels = json["levels"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.Equal([1, 2, 3, 4], levels.Select(l => l["level"]!.GetValue<int>()));
        Assert.All(levels, l => Assert.Equal(["level", "subsystems", "barriers"], l.Select(p => p.Key)));
        Assert.Equal(["node-1/disk", "node-3/disk"], Strings(levels[2]["subsystems"]));
        var barriers = levels[2]["barriers"]!.AsObject();
        Assert.Equal(["joining", "leaving", "forcedLeaving"], barriers.Select(p => p.Key));
        Assert.Equal([2, 2, 1], barriers.Select(p => p.Value!.GetValue<int>()));
        Assert.Equal([1, 3, 1], levels[3]["barriers"]!.AsObject().Select(p => p.Value!.GetValue<int>()));
    }

    [Fact]
    public async Task T4_a_transitional_node_shows_its_transition_level_barrier_and_who_acknowledged()
    {
        var json = await GetJsonAsync();

        var joining = NodeOf(json, "node-2");
        Assert.Equal("Join", joining["transition"]!.GetValue<string>());
        Assert.Equal(1, joining["level"]!.GetValue<int>());
        Assert.Equal(0, joining["barrier"]!.GetValue<int>());
        Assert.Equal(["node-1"], Strings(joining["acknowledged"]));
        Assert.Equal(["node-2", "node-3"], Strings(joining["awaiting"]));
        Assert.Equal("ForcedLeave", NodeOf(json, "node-4")["transition"]!.GetValue<string>());
    }

    [Fact]
    public async Task T1_a_node_outside_any_transition_has_nulls_and_empty_lists_not_missing_fields()
    {
        var json = await GetJsonAsync();

        var joined = NodeOf(json, "node-1");
        Assert.Equal(NodeKeys, joined.Select(p => p.Key));
        Assert.Null(joined["transition"]);
        Assert.Null(joined["level"]);
        Assert.Null(joined["barrier"]);
        Assert.Null(joined["note"]);
        Assert.Empty(joined["acknowledged"]!.AsArray());
        Assert.Empty(joined["awaiting"]!.AsArray());
        Assert.Empty(joined["deregisteredLevels"]!.AsArray());
        Assert.Equal("rejoin queued until every survivor has processed its forced leave", NodeOf(json, "node-5")["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task T5_transitional_lists_only_the_nodes_in_a_transition_with_the_same_fields()
    {
        var json = await GetJsonAsync();

        var transitional = json["transitional"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.Equal(["node-2", "node-3", "node-4"], transitional.Select(n => n["nodeId"]!.GetValue<string>()));
        foreach (var node in transitional)
        {
            Assert.Equal(NodeOf(json, node["nodeId"]!.GetValue<string>()).ToJsonString(), node.ToJsonString());
        }
    }

    [Fact]
    public async Task T10_a_leaving_node_shows_its_deregistered_levels()
    {
        var json = await GetJsonAsync();

        var leaving = NodeOf(json, "node-3");
        Assert.Equal("Leave", leaving["transition"]!.GetValue<string>());
        Assert.Equal(3, leaving["level"]!.GetValue<int>());
        Assert.Equal(1, leaving["barrier"]!.GetValue<int>());
        Assert.Equal([4], leaving["deregisteredLevels"]!.AsArray().Select(l => l!.GetValue<int>()));
    }

    [Fact]
    public async Task With_no_cluster_the_endpoint_answers_empty_lists()
    {
        transitions.Snapshot = new TransitionsSnapshot(ClusterTransitionsFakeClient.Node1, null, 0, [], [], null, 0);

        var json = await GetJsonAsync();

        Assert.Empty(json["levels"]!.AsArray());
        Assert.Empty(json["nodes"]!.AsArray());
        Assert.Empty(json["transitional"]!.AsArray());
        Assert.Equal(0, json["epoch"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reading_the_transitions_needs_no_token_and_ignores_a_wrong_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        var withWrongToken = await http.SendAsync(request);
        var withoutToken = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, withWrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutToken.StatusCode);
    }

    [Fact]
    public async Task Other_methods_on_the_transitions_route_are_not_served()
    {
        var response = await http.PostAsync(Url, new FormUrlEncodedContent([KeyValuePair.Create("operation", "Leave")]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Supervisor_timeout_is_503_with_the_members_routes_json_message()
    {
        transitions.Failure = new AskTimeoutException("Ask timed out after 00:00:05");

        var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["message"], body.Select(p => p.Key));
        Assert.Equal("The transition supervisor did not answer in time", (await response.Content.ReadFromJsonAsync<ManagementMessage>())!.Message);
    }

    [Fact]
    public async Task A_supervisor_that_is_not_started_is_503_with_its_message_not_a_bare_500()
    {
        transitions.Failure = new InvalidOperationException("The transition supervisor is not started");

        var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(
            "The transition supervisor could not answer: The transition supervisor is not started",
            (await response.Content.ReadFromJsonAsync<ManagementMessage>())!.Message);
    }

    [Fact]
    public async Task Mapping_needs_a_client()
    {
        await using var app = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder().Build();

        Assert.Throws<ArgumentNullException>(() => app.MapClusterTransitionsEndpoints(null!));
    }
}
