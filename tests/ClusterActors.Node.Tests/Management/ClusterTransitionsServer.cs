using System.Net;
using ClusterActors.Cluster.Transitions;
using ClusterActors.Management.Transitions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Node.Tests.Management;

/// <summary>The transitions route (or any routes a test maps) on a real Kestrel listener on 127.0.0.1, port chosen by the OS.</summary>
public sealed class ClusterTransitionsServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ClusterTransitionsServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static Task<ClusterTransitionsServer> StartAsync(ITransitionsClient transitions) =>
        StartAsync(endpoints => endpoints.MapClusterTransitionsEndpoints(transitions));

    public static async Task<ClusterTransitionsServer> StartAsync(Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new ClusterTransitionsServer(app, address);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
