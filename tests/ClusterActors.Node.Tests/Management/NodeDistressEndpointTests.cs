using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClusterActors.Cluster.Distress;
using ClusterActors.Management.Cluster;
using ClusterActors.Management.Distress;

namespace ClusterActors.Node.Tests.Management;

/// <summary><c>POST /node/distress</c> on a real Kestrel listener, over a recording distress signal.</summary>
public sealed class NodeDistressEndpointTests : IAsyncLifetime, IDisposable
{
    private const string Token = "distress-token";
    private readonly RecordingSignal signal = new();
    private readonly HttpClient http = new();
    private ClusterTransitionsServer? server;

    public async Task InitializeAsync() =>
        server = await ClusterTransitionsServer.StartAsync(endpoints => endpoints.MapNodeDistressEndpoints(signal, new ManagementToken(Token)));

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string body, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server!.BaseAddress, "/node/distress"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task S3_a_sync_kind_answers_200_after_writing_with_the_members_written()
    {
        var (status, body) = await PostAsync("""{"kind": "hardware", "reason": "ECC errors"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sync", body["way"]!.GetValue<string>());
        Assert.Equal(2, body["written"]!.GetValue<int>());
        Assert.Equal(("hardware", "ECC errors"), signal.Sent.Single());
    }

    [Fact]
    public async Task S3_an_async_kind_answers_202_before_writing()
    {
        var (status, body) = await PostAsync("""{"kind": "power-loss"}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("async", body["way"]!.GetValue<string>());
        Assert.Null(body["written"]);
        Assert.Equal(("power-loss", "operator request"), signal.Sent.Single());
    }

    [Fact]
    public async Task The_route_needs_the_token_and_sends_nothing_without_it()
    {
        var (status, _) = await PostAsync("""{"kind": "hardware"}""", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(signal.Sent);
    }

    [Theory]
    [InlineData("""{"reason": "no kind"}""", "needs \"kind\"")]
    [InlineData("""{"kind": "  "}""", "needs \"kind\"")]
    [InlineData("""kind=hardware""", "is not the JSON")]
    public async Task A_body_without_a_kind_is_refused_with_400_and_sends_nothing(string body, string expected)
    {
        var (status, json) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(signal.Sent);
    }

    [Fact]
    public async Task S5_a_second_distress_is_refused_with_409()
    {
        await PostAsync("""{"kind": "hardware"}""");

        var (status, json) = await PostAsync("""{"kind": "network-down"}""");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("already sent its distress signal", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(signal.Sent);
    }

    /// <summary>Records what it was asked to send; the first send succeeds (two members), later ones were already sent.</summary>
    private sealed class RecordingSignal : IDistressSignal
    {
        private readonly List<(string Kind, string Reason)> sent = [];

        public IReadOnlyList<(string Kind, string Reason)> Sent
        {
            get
            {
                lock (sent)
                {
                    return [.. sent];
                }
            }
        }

        public DistressOutcome Send(string kind, string reason)
        {
            var way = DistressSettings.Default.WayFor(kind);
            lock (sent)
            {
                if (sent.Count > 0)
                {
                    return new DistressOutcome(kind, way, AlreadySent: true, 2, null);
                }

                sent.Add((kind, reason));
            }

            return new DistressOutcome(kind, way, AlreadySent: false, 2, way == DistressWay.Sync ? 2 : null);
        }
    }
}
