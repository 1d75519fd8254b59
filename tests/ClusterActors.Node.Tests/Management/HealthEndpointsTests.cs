using System.Net;
using System.Net.Http.Json;
using ClusterActors.Management;
using ClusterActors.Management.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Node.Tests.Management;

/// <summary>The probes on a real Kestrel listener, with readiness driven by the test.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime, IDisposable
{
    private readonly NodeReadiness readiness = new();
    private readonly HttpClient http = new();
    private WebApplication? app;
    private Uri? address;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapHealthEndpoints(readiness);
        await app.StartAsync();
        address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public void Dispose() => http.Dispose();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_is_500_with_a_message_until_the_actor_system_is_up()
    {
        var response = await http.GetAsync(new Uri(address!, "/ready"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(NodeReadiness.Starting, (await response.Content.ReadFromJsonAsync<ManagementMessage>())!.Message);
    }

    [Fact]
    public async Task Ready_turns_200_when_marked_ready_and_500_again_when_shutting_down()
    {
        readiness.MarkReady();
        var up = await http.GetAsync(new Uri(address!, "/ready"));
        readiness.MarkNotReady("Node is shutting down");
        var down = await http.GetAsync(new Uri(address!, "/ready"));

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, down.StatusCode);
        Assert.Equal("Node is shutting down", (await down.Content.ReadFromJsonAsync<ManagementMessage>())!.Message);
    }

    [Fact]
    public async Task Alive_is_200_even_while_not_ready()
    {
        var response = await http.GetAsync(new Uri(address!, "/alive"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", (await response.Content.ReadFromJsonAsync<ManagementMessage>())!.Message);
    }
}
