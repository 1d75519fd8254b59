using ClusterActors.Actors;
using ClusterActors.Management.Health;
using ClusterActors.Node.Configuration;
using ClusterActors.Remoting;

namespace ClusterActors.Node.Hosting;

/// <summary>Owns the node's actor system and its cluster transport: starts them with the host and runs the ordered shutdown when the host stops.</summary>
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
    private RemoteActorSystem? node;

    /// <summary>The running node (actor system and transport); throws before the host has started.</summary>
    public RemoteActorSystem Node => node ?? throw new InvalidOperationException("The actor system has not started yet.");

    /// <summary>The running actor system; throws before the host has started.</summary>
    public ActorSystem System => Node.System;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var transport = new TcpTransport(settings.Transport with { LoggerFactory = loggerFactory });
        try
        {
            node = await RemoteActorSystem.StartAsync(settings.SystemName, transport, new MessageTypeRegistry(), settings.ActorSystem with { LoggerFactory = loggerFactory }, cancellationToken);
        }
        catch (IOException error)
        {
            throw new ClusterEndpointUnavailableException($"{settings.Transport.Hostname}:{settings.Transport.Port}", error);
        }

        var system = node.System;
        system.CoordinatedShutdown.AddTask("before-service-unbind", "mark-node-not-ready", _ =>
        {
            readiness.MarkNotReady(NodeReadiness.ShuttingDown);
            return Task.CompletedTask;
        });
        _ = system.WhenTerminated.ContinueWith(_ => lifetime.StopApplication(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        readiness.MarkReady();
        NodeLog.ActorSystemUp(log, system.Name, node.Address, node.Identity.NodeId, node.Identity.Incarnation);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return;
        }

        readiness.MarkNotReady(NodeReadiness.ShuttingDown);
        var system = node.System;
        await system.CoordinatedShutdown.Run(ShutdownReason.ProcessExit).WaitAsync(cancellationToken);

        // Terminating the system also shuts the transport down; wait for peers to have been told.
        await node.ShutdownAsync().WaitAsync(cancellationToken);
        NodeLog.ActorSystemTerminated(log, system.Name, system.CoordinatedShutdown.Reason);
    }
}
