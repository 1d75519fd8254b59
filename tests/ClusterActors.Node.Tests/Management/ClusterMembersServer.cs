using System.Net;
using ClusterActors.Cluster.Membership;
using ClusterActors.Management.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Node.Tests.Management;

/// <summary>The membership routes on a real Kestrel listener on 127.0.0.1, port chosen by the OS.</summary>
public sealed class ClusterMembersServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ClusterMembersServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ClusterMembersServer> StartAsync(IClusterMembershipClient membership, ManagementToken token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapClusterMembersEndpoints(membership, token);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new ClusterMembersServer(app, address);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
