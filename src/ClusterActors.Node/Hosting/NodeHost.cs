using ClusterActors.Actors;
using ClusterActors.Management.Cluster;
using ClusterActors.Management.Distress;
using ClusterActors.Management.Health;
using ClusterActors.Management.Transitions;
using ClusterActors.Node.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ClusterActors.Node.Hosting;

/// <summary>Builds the node's web host: logging, the actor system as a hosted service, and the management endpoints.</summary>
public static class NodeHost
{
    /// <summary>Creates (does not start) the host for these settings.</summary>
    public static WebApplication Build(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // No args and no content root files: the node's configuration is HOCON, never appsettings.json.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        // Kestrel and the routing middleware are chatty at Information; the node's own lines matter.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.ManagementAddress, settings.ManagementPort));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownBudget(settings.ActorSystem));

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<NodeReadiness>();
        builder.Services.AddSingleton<NodeTransitions>();
        builder.Services.AddSingleton<NodeMembership>();
        builder.Services.AddSingleton<NodeDistress>();
        builder.Services.AddSingleton<ActorSystemService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ActorSystemService>());

        var app = builder.Build();
        app.MapHealthEndpoints(app.Services.GetRequiredService<NodeReadiness>());
        app.MapClusterMembersEndpoints(app.Services.GetRequiredService<NodeMembership>(), new ManagementToken(settings.ManagementToken));
        app.MapClusterTransitionsEndpoints(app.Services.GetRequiredService<NodeTransitions>());
        app.MapNodeDistressEndpoints(app.Services.GetRequiredService<NodeDistress>(), new ManagementToken(settings.ManagementToken));
        return app;
    }

    /// <summary>Logs where the started node serves, in a line scripts and tests can find.</summary>
    public static void AnnounceStarted(WebApplication app, NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        NodeLog.Started(app.Logger, settings.SystemName, addresses);
    }

    /// <summary>The most the ordered shutdown may take: every phase at its own limit, plus slack for the web server.</summary>
    internal static TimeSpan ShutdownBudget(ActorSystemSettings actorSystem)
    {
        var total = TimeSpan.FromSeconds(5);
        foreach (var phase in CoordinatedShutdown.Phases)
        {
            total += actorSystem.ShutdownPhaseTimeouts.TryGetValue(phase, out var timeout) ? timeout : actorSystem.ShutdownPhaseTimeout;
        }

        return total;
    }
}
