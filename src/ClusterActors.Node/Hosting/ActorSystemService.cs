using ClusterActors.Actors;
using ClusterActors.Management.Health;
using ClusterActors.Node.Configuration;

namespace ClusterActors.Node.Hosting;

/// <summary>Owns the node's actor system: starts it with the host and runs its ordered shutdown when the host stops.</summary>
/// <remarks>
/// The two lifetimes are tied both ways: SIGTERM or Ctrl-C stops the host, which runs the
/// coordinated shutdown; a coordinated shutdown started from inside the actor system (later: a node
/// forced out of the cluster) stops the host, so the process never outlives its actor system.
/// </remarks>
public sealed class ActorSystemService(
    NodeSettings settings,
    NodeReadiness readiness,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime,
    ILogger<ActorSystemService> log) : IHostedService
{
    private ActorSystem? system;

    /// <summary>The running actor system; throws before the host has started.</summary>
    public ActorSystem System => system ?? throw new InvalidOperationException("The actor system has not started yet.");

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        system = ActorSystem.Create(settings.SystemName, settings.ActorSystem with { LoggerFactory = loggerFactory });
        system.CoordinatedShutdown.AddTask("before-service-unbind", "mark-node-not-ready", _ =>
        {
            readiness.MarkNotReady(NodeReadiness.ShuttingDown);
            return Task.CompletedTask;
        });
        system.WhenTerminated.ContinueWith(_ => lifetime.StopApplication(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        readiness.MarkReady();
        NodeLog.ActorSystemUp(log, system.Name);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (system is null)
        {
            return;
        }

        readiness.MarkNotReady(NodeReadiness.ShuttingDown);
        await system.CoordinatedShutdown.Run(ShutdownReason.ProcessExit).WaitAsync(cancellationToken);
        NodeLog.ActorSystemTerminated(log, system.Name, system.CoordinatedShutdown.Reason);
    }
}
