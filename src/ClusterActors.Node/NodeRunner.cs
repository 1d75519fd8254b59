using ClusterActors.Hocon;
using ClusterActors.Node.Configuration;
using ClusterActors.Node.Hosting;

namespace ClusterActors.Node;

/// <summary>Runs one node from launch to ordered shutdown and turns the outcome into an exit code.</summary>
public static class NodeRunner
{
    /// <summary>Loads the configuration, starts the host and waits until it shuts down.</summary>
    public static async Task<int> RunAsync(NodeLaunch launch, TextWriter errors, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(errors);

        NodeSettings settings;
        try
        {
            settings = NodeSettings.From(NodeConfiguration.Load(launch));
        }
        catch (Exception ex) when (ex is HoconException or ConfigurationValueException)
        {
            await errors.WriteLineAsync($"clusteractors-node: bad configuration: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }

        var app = NodeHost.Build(settings);
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException ex)
            {
                // Kestrel reports a taken or forbidden port this way; say which endpoint, not a stack trace.
                await errors.WriteLineAsync($"clusteractors-node: cannot serve management HTTP on {settings.ManagementAddress}:{settings.ManagementPort}: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (ClusterEndpointUnavailableException ex)
            {
                await errors.WriteLineAsync($"clusteractors-node: {ex.Message}");
                return ExitCodes.Failed;
            }

            NodeHost.AnnounceStarted(app, settings);
            await app.WaitForShutdownAsync(cancellation);
            var service = app.Services.GetRequiredService<ActorSystemService>();
            if (service.ShutdownReason == ClusterActors.Actors.ShutdownReason.ClusterDowning)
            {
                return ExitCodes.Excluded;
            }
        }

        return ExitCodes.Ok;
    }
}
