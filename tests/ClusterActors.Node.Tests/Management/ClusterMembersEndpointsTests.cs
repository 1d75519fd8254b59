using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Management;
using ClusterActors.Management.Cluster;

namespace ClusterActors.Node.Tests.Management;

/// <summary>The <c>/cluster/members</c> routes on a real Kestrel listener, over a scripted membership.</summary>
public sealed class ClusterMembersEndpointsTests : IAsyncLifetime, IDisposable
{
    private const string Token = "s3cret-token";
    private const string Node2Full = "ca.tcp://sys@127.0.0.1:2552";
    private const string Node2Short = "sys@127.0.0.1:2552";

    private static readonly Address Node2Address = new("ca.tcp", "sys", "127.0.0.1", 2552);

    private readonly ClusterMembersFakeClient membership = new();
    private readonly HttpClient http = new();
    private ClusterMembersServer? server;

    public async Task InitializeAsync() => server = await ClusterMembersServer.StartAsync(membership, new ManagementToken(Token));

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose() => http.Dispose();

    private Uri Url(string path) => new(server!.BaseAddress, path);

    private static string MemberPath(string address) => "/cluster/members/" + Uri.EscapeDataString(address);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = Token, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (form.Length > 0)
        {
            request.Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        }

        return await http.SendAsync(request);
    }

    private static async Task<string> MessageOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ManagementMessage>())!.Message;
    }

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Members_route_lists_epoch_crown_prince_and_quorum()
    {
        var response = await http.GetAsync(Url("/cluster/members"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(
            ["selfNode", "members", "unreachable", "leader", "oldest", "oldestPerRole", "epoch", "crownPrince", "hasQuorum", "selfStatus", "reason"],
            json.Select(p => p.Key));
        Assert.Equal("ca.tcp://sys@127.0.0.1:2551", json["selfNode"]!.GetValue<string>());
        Assert.Equal(7, json["epoch"]!.GetValue<long>());
        Assert.Equal("ca.tcp://sys@127.0.0.1:2553", json["crownPrince"]!.GetValue<string>());
        Assert.Equal("ca.tcp://sys@127.0.0.1:2553", json["leader"]!.GetValue<string>());
        Assert.True(json["hasQuorum"]!.GetValue<bool>());
        Assert.Equal("Up", json["selfStatus"]!.GetValue<string>());
        Assert.Null(json["reason"]);
        Assert.True(json.ContainsKey("reason"));
        Assert.Empty(json["oldestPerRole"]!.AsObject());
    }

    [Fact]
    public async Task Members_route_lists_each_member_with_node_uid_status_and_roles()
    {
        var json = await JsonOf(await http.GetAsync(Url("/cluster/members")));

        var members = json["members"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(["ca.tcp://sys@127.0.0.1:2553", "ca.tcp://sys@127.0.0.1:2552", "ca.tcp://sys@127.0.0.1:2551"], members.Select(m => m["node"]!.GetValue<string>()));
        Assert.Equal(["33", "22", "11"], members.Select(m => m["nodeUid"]!.GetValue<string>()));
        Assert.All(members, m => Assert.Equal(["node", "nodeUid", "status", "roles"], m.Select(p => p.Key)));
        Assert.All(members, m => Assert.Equal("Up", m["status"]!.GetValue<string>()));
        Assert.All(members, m => Assert.Empty(m["roles"]!.AsArray()));
    }

    [Fact]
    public async Task Members_route_lists_unreachable_members_with_their_observers()
    {
        var json = await JsonOf(await http.GetAsync(Url("/cluster/members")));

        var unreachable = Assert.Single(json["unreachable"]!.AsArray())!.AsObject();
        Assert.Equal(["node", "observedBy"], unreachable.Select(p => p.Key));
        Assert.Equal("ca.tcp://sys@127.0.0.1:2553", unreachable["node"]!.GetValue<string>());
        Assert.Equal(["node-1", "node-2"], unreachable["observedBy"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Oldest_is_the_smallest_joined_epoch_then_the_ordinally_first_address()
    {
        var json = await JsonOf(await http.GetAsync(Url("/cluster/members")));

        // node-2 and node-3 both joined in epoch 1; "…:2552" sorts before "…:2553".
        Assert.Equal("ca.tcp://sys@127.0.0.1:2552", json["oldest"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_quorum_members_show_the_nodes_status_and_the_reason()
    {
        membership.State = ClusterMembersFakeClient.ThreeUp with
        {
            Status = MembershipStatus.Stopped,
            HasQuorum = false,
            CrownPrince = null,
            Reason = "Lost quorum: 1 of 3 members reachable",
        };

        var json = await JsonOf(await http.GetAsync(Url("/cluster/members")));

        Assert.All(json["members"]!.AsArray(), m => Assert.Equal("Stopped", m!["status"]!.GetValue<string>()));
        Assert.False(json["hasQuorum"]!.GetValue<bool>());
        Assert.Equal("Stopped", json["selfStatus"]!.GetValue<string>());
        Assert.Equal("Lost quorum: 1 of 3 members reachable", json["reason"]!.GetValue<string>());
        Assert.Null(json["leader"]);
        Assert.Null(json["crownPrince"]);
    }

    [Fact]
    public async Task An_empty_cluster_has_no_oldest_and_no_members()
    {
        membership.State = ClusterMembersFakeClient.ThreeUp with
        {
            Status = MembershipStatus.Joining,
            Epoch = 0,
            Members = [],
            CrownPrince = null,
            HasQuorum = false,
            Unreachable = [],
        };

        var json = await JsonOf(await http.GetAsync(Url("/cluster/members")));

        Assert.Empty(json["members"]!.AsArray());
        Assert.Null(json["oldest"]);
        Assert.True(json.ContainsKey("oldest"));
        Assert.Equal("Joining", json["selfStatus"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Node2Full, true)]
    [InlineData(Node2Short, false)]
    [InlineData(Node2Short, true)]
    public async Task Get_one_member_answers_node_uid_status_and_roles_for_full_or_short_address(string address, bool encoded)
    {
        var path = encoded ? MemberPath(address) : "/cluster/members/" + address;

        var response = await http.GetAsync(Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(["node", "nodeUid", "status", "roles"], json.Select(p => p.Key));
        Assert.Equal(Node2Full, json["node"]!.GetValue<string>());
        Assert.Equal("22", json["nodeUid"]!.GetValue<string>());
        Assert.Equal("Up", json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_one_member_with_an_unencoded_full_address_finds_it_too()
    {
        var response = await http.GetAsync(Url("/cluster/members/" + Node2Full));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Node2Full, (await JsonOf(response))["node"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_one_unknown_member_is_404_naming_the_address_as_written()
    {
        var response = await http.GetAsync(Url("/cluster/members/sys@127.0.0.1:9999"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Member [sys@127.0.0.1:9999] not found", await MessageOf(response));
    }

    [Fact]
    public async Task Get_one_with_an_encoded_full_unknown_address_names_the_decoded_address()
    {
        var response = await http.GetAsync(Url(MemberPath("ca.tcp://sys@127.0.0.1:9999")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Member [ca.tcp://sys@127.0.0.1:9999] not found", await MessageOf(response));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("sys@127.0.0.1:99999")]
    [InlineData("ca.udp://sys@127.0.0.1:2552")]
    public async Task Get_one_with_a_bad_address_is_400_naming_the_input_and_the_expected_forms(string address)
    {
        var response = await http.GetAsync(Url(MemberPath(address)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await MessageOf(response);
        Assert.Contains($"'{address}'", message, StringComparison.Ordinal);
        Assert.Contains("ca.tcp://system@host:port", message, StringComparison.Ordinal);
        Assert.Contains("system@host:port", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_routes_need_no_token()
    {
        var all = await http.GetAsync(Url("/cluster/members"));
        var one = await http.GetAsync(Url(MemberPath(Node2Short)));

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }

    [Fact]
    public async Task Post_asks_the_membership_to_join_the_given_address()
    {
        membership.Result = new MembershipCommandResult(MembershipCommandOutcome.Accepted, "Joining the cluster of ca.tcp://sys@127.0.0.1:2552");

        var response = await SendAsync(HttpMethod.Post, "/cluster/members", Token, ("address", Node2Short));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Joining the cluster of ca.tcp://sys@127.0.0.1:2552", await MessageOf(response));
        Assert.Equal([("Join", Node2Address)], membership.Commands);
    }

    [Fact]
    public async Task Post_with_a_full_address_in_the_form_reaches_the_client_with_that_address()
    {
        var response = await SendAsync(HttpMethod.Post, "/cluster/members", Token, ("address", Node2Full));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("Join", Node2Address)], membership.Commands);
    }

    [Fact]
    public async Task Post_without_an_address_field_is_400_and_reaches_no_client()
    {
        var withoutForm = await SendAsync(HttpMethod.Post, "/cluster/members", Token);
        var otherField = await SendAsync(HttpMethod.Post, "/cluster/members", Token, ("node", Node2Short));

        Assert.Equal(HttpStatusCode.BadRequest, withoutForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherField.StatusCode);
        Assert.Contains("Form field 'address' is missing", await MessageOf(withoutForm), StringComparison.Ordinal);
        Assert.Empty(membership.Commands);
    }

    [Fact]
    public async Task Post_with_a_bad_address_is_400_naming_it()
    {
        var response = await SendAsync(HttpMethod.Post, "/cluster/members", Token, ("address", "sys@host-without-port"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'sys@host-without-port'", await MessageOf(response), StringComparison.Ordinal);
        Assert.Empty(membership.Commands);
    }

    [Theory]
    [InlineData(Node2Full)]
    [InlineData(Node2Short)]
    public async Task Delete_asks_the_member_to_leave(string address)
    {
        var response = await SendAsync(HttpMethod.Delete, MemberPath(address));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Request accepted", await MessageOf(response));
        Assert.Equal([("Leave", Node2Address)], membership.Commands);
    }

    [Theory]
    [InlineData("Down", "Down")]
    [InlineData("down", "Down")]
    [InlineData("DOWN", "Down")]
    [InlineData("Leave", "Leave")]
    [InlineData("lEaVe", "Leave")]
    public async Task Put_operation_is_case_insensitive_and_reaches_the_client(string operation, string expected)
    {
        var response = await SendAsync(HttpMethod.Put, MemberPath(Node2Full), Token, ("operation", operation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(expected, Node2Address)], membership.Commands);
    }

    [Theory]
    [InlineData("Explode")]
    [InlineData("")]
    [InlineData("Join")]
    public async Task Put_with_unknown_operation_is_400_Operation_not_supported(string operation)
    {
        var response = await SendAsync(HttpMethod.Put, MemberPath(Node2Short), Token, ("operation", operation));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Operation not supported", await MessageOf(response));
        Assert.Empty(membership.Commands);
    }

    [Fact]
    public async Task Put_without_an_operation_is_400_Operation_not_supported()
    {
        var response = await SendAsync(HttpMethod.Put, MemberPath(Node2Short), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Operation not supported", await MessageOf(response));
        Assert.Empty(membership.Commands);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task State_changing_route_without_a_token_is_401_with_WWW_Authenticate_Bearer(string method)
    {
        var response = await SendAsync(new HttpMethod(method), method == "POST" ? "/cluster/members" : MemberPath(Node2Short), token: null, ("operation", "Down"), ("address", Node2Short));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Contains("Authorization: Bearer", await MessageOf(response), StringComparison.Ordinal);
        Assert.Empty(membership.Commands);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task State_changing_route_with_a_wrong_token_is_401(string method)
    {
        var response = await SendAsync(new HttpMethod(method), method == "POST" ? "/cluster/members" : MemberPath(Node2Short), "s3cret-tokeN", ("operation", "Down"), ("address", Node2Short));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(BearerTokenGate.WrongMessage, await MessageOf(response));
        Assert.Empty(membership.Commands);
    }

    [Fact]
    public async Task A_token_under_another_scheme_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Url(MemberPath(Node2Short)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Token);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(membership.Commands);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task State_changing_route_with_no_token_configured_is_403_even_with_a_token(string method)
    {
        await using var open = await ClusterMembersServer.StartAsync(membership, ManagementToken.None);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(open.BaseAddress, method == "POST" ? "/cluster/members" : MemberPath(Node2Short)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "anything");
        request.Content = new FormUrlEncodedContent([KeyValuePair.Create("operation", "Down"), KeyValuePair.Create("address", Node2Short)]);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("State-changing routes are disabled: set clusteractors.management.http.token", await MessageOf(response));
        Assert.Empty(membership.Commands);
    }

    [Fact]
    public async Task Refused_command_is_409_with_the_membership_message()
    {
        membership.Result = new MembershipCommandResult(MembershipCommandOutcome.Refused, "A reconfiguration is in progress (epoch 8)");

        var response = await SendAsync(HttpMethod.Put, MemberPath(Node2Short), Token, ("operation", "Down"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("A reconfiguration is in progress (epoch 8)", await MessageOf(response));
    }

    [Fact]
    public async Task NotFound_command_is_404_Member_not_found_with_the_address_as_written()
    {
        membership.Result = new MembershipCommandResult(MembershipCommandOutcome.NotFound, "no such member");

        var response = await SendAsync(HttpMethod.Delete, MemberPath("sys@127.0.0.1:2600"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Member [sys@127.0.0.1:2600] not found", await MessageOf(response));
    }

    [Fact]
    public async Task Delete_with_a_bad_address_is_400_and_reaches_no_client()
    {
        var response = await SendAsync(HttpMethod.Delete, MemberPath("sys@127.0.0.1:0"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'sys@127.0.0.1:0'", await MessageOf(response), StringComparison.Ordinal);
        Assert.Empty(membership.Commands);
    }

    [Fact]
    public async Task Coordinator_timeout_is_503_with_a_json_message_on_reads_and_commands()
    {
        membership.Failure = new AskTimeoutException("Ask timed out after 00:00:05");

        var all = await http.GetAsync(Url("/cluster/members"));
        var one = await http.GetAsync(Url(MemberPath(Node2Short)));
        var down = await SendAsync(HttpMethod.Put, MemberPath(Node2Short), Token, ("operation", "Down"));

        foreach (var response in new[] { all, one, down })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("The membership coordinator did not answer in time", await MessageOf(response));
        }
    }

    [Fact]
    public async Task Any_other_coordinator_failure_is_503_with_its_message_not_a_bare_500()
    {
        membership.Failure = new InvalidOperationException("coordinator stopped");

        var response = await http.GetAsync(Url("/cluster/members"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("coordinator stopped", await MessageOf(response), StringComparison.Ordinal);
    }
}
