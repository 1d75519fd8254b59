using ClusterActors.Actors;
using ClusterActors.Cluster;
using ClusterActors.Cluster.Distress;
using ClusterActors.Cluster.Membership;
using ClusterActors.Management.Health;
using ClusterActors.Node.Configuration;
using ClusterActors.Cluster.Transitions;
using ClusterActors.Persistence.Devices;
using ClusterActors.Persistence.MembershipDatabase;
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
    NodeMembership membership,
    NodeTransitions transitions,
    NodeDistress distress,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime,
    ILogger<ActorSystemService> log) : IHostedService, IAsyncDisposable
{
    private RemoteActorSystem? node;
    private IQuorumDeviceStore? devices;
    private IMembershipDatabase? membershipDatabase;
    private DistressTriggers? distressTriggers;

    /// <summary>The running node (actor system and transport); throws before the host has started.</summary>
    public RemoteActorSystem Node => node ?? throw new InvalidOperationException("The actor system has not started yet.");

    /// <summary>Why the actor system shut down (null while it runs or before it started).</summary>
    public ShutdownReason? ShutdownReason => node?.System.CoordinatedShutdown.Reason;

    /// <summary>The running actor system; throws before the host has started.</summary>
    public ActorSystem System => Node.System;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var transport = new TcpTransport(settings.Transport with { LoggerFactory = loggerFactory });
        var registry = new MessageTypeRegistry();
        ClusterMembership.RegisterMessages(registry);
        ClusterTransitions.RegisterMessages(registry);
        try
        {
            node = await RemoteActorSystem.StartAsync(settings.SystemName, transport, registry, settings.ActorSystem with { LoggerFactory = loggerFactory }, cancellationToken);
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
        NodeLog.ActorSystemUp(log, system.Name, node.Address, node.Identity.NodeId, node.Identity.Incarnation);
        await StartMembershipAsync(node, cancellationToken);
    }

    /// <summary>Opens the quorum devices (only when some are declared), then starts the membership, which petitions the seed nodes.</summary>
    private async Task StartMembershipAsync(RemoteActorSystem running, CancellationToken cancellationToken)
    {
        var system = running.System;
        if (settings.Membership.Devices.Devices.IsDefaultOrEmpty)
        {
            // No device is shared with anyone, so the coordinator never calls the store: don't create a database for nothing.
            devices = new InMemoryQuorumDeviceStore();
        }
        else
        {
            devices = QuorumDeviceStores.Create(settings.Membership.Devices, loggerFactory);
            await devices.EnsureCreatedAsync(cancellationToken);
        }

        var self = new ClusterMember(running.Identity.NodeId, running.Address, running.Identity.Incarnation);
        var seeds = await StartTransitionsAsync(running, self, cancellationToken);

        // Before the membership, so the distress sender hears the first commit and holds connections to every member from then on.
        var signal = ClusterDistress.Start(running, self, settings.Distress);
        distress.Started(signal);
        distressTriggers = DistressTriggers.Register(signal.Signal, settings.Transport.Hostname, lifetime, log);

        readiness.MarkNotReady("Joining the cluster");
        var watcher = system.SystemActorOf(Props.Create(() => new MembershipStatusWatcher(readiness)), "membership-status");
        system.EventStream.Subscribe(watcher, typeof(MembershipChanged));
        system.EventStream.Subscribe(watcher, typeof(MembershipStopped));

        var started = ClusterMembership.Start(running, settings.Membership with { SeedNodes = seeds }, devices);
        membership.Started(started);

        // A leaving node runs its graceful leave through every level on every member (the supervisor then
        // lets it go); if that takes too long it leaves the membership anyway and the others force it out.
        system.CoordinatedShutdown.AddTask("cluster-leave", "leave-gracefully", async cancel =>
        {
            try
            {
                await transitions.Handle.Client.LeaveAndWaitAsync(settings.Transitions.LeaveTimeout, cancel).ConfigureAwait(false);
            }
            catch (Exception error) when (error is AskTimeoutException or TimeoutException)
            {
                NodeLog.GracefulLeaveTimedOut(log, settings.Transitions.LeaveTimeout);
                await started.Client.LeaveAsync(running.Address, cancel).ConfigureAwait(false);
            }
        });

        // The first answer comes after the coordinator's start: a node without seeds has formed its cluster by then.
        var state = await started.Client.GetStateAsync(cancellationToken);
        if (MembershipStatusWatcher.NotReadyReason(state) is { } notReady)
        {
            readiness.MarkNotReady(notReady);
        }
        else
        {
            readiness.MarkReady();
        }
    }

    /// <summary>
    /// Opens the membership database, records this run's configuration, starts <c>/system/transitions</c> and the
    /// sample subsystems (they register before the node joins); returns the seed nodes, widened by the
    /// nodes the database remembers so a restarted node finds its cluster even with a short seed list.
    /// </summary>
    private async Task<System.Collections.Immutable.ImmutableArray<Address>> StartTransitionsAsync(RemoteActorSystem running, ClusterMember self, CancellationToken cancellationToken)
    {
        var database = MembershipDatabases.Create(settings.MembershipDatabase, loggerFactory);
        membershipDatabase = database;
        await database.EnsureCreatedAsync(cancellationToken);
        var previous = await database.GetNodeAsync(self.NodeId, cancellationToken);
        var known = await database.ListNodesAsync(cancellationToken);
        NodeLog.MembershipDatabaseOpened(log, settings.MembershipDatabase.Provider, known.Count, previous?.LastIncarnation, previous?.LastEpoch);
        var record = new NodeConfigurationRecord(self.NodeId, running.Address.ToString(), null, self.Incarnation, previous?.LastEpoch ?? 0, running.System.TimeProvider.GetUtcNow());
        await database.SaveNodeAsync(record, cancellationToken);

        var journal = new MembershipDatabaseJournal(database, record, running.System.TimeProvider, loggerFactory.CreateLogger<MembershipDatabaseJournal>());
        var started = ClusterTransitions.Start(running, self, journal);
        transitions.Started(started);
        if (settings.Transitions.SampleSubsystems)
        {
            foreach (var sample in SampleSubsystem.SeedLevels)
            {
                running.System.ActorOf(Props.Create(() => new LoggingSubsystem(sample, started.Supervisor)), $"subsystem-{sample.Name}");
            }
        }

        var seeds = settings.Membership.SeedNodes.ToList();
        foreach (var node in known.Where(node => node.NodeId != self.NodeId))
        {
            if (RemoteAddress.TryParse(node.ClusterAddress, out var address) && !seeds.Contains(address))
            {
                seeds.Add(address);
            }
        }

        return [.. seeds];
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
        await DisposeAsync();

        NodeLog.ActorSystemTerminated(log, system.Name, system.CoordinatedShutdown.Reason);
    }

    /// <summary>Closes the quorum-device store (the actor system is stopped by <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref distressTriggers, null)?.Dispose();
        if (Interlocked.Exchange(ref devices, null) is { } store)
        {
            await store.DisposeAsync();
        }

        if (Interlocked.Exchange(ref membershipDatabase, null) is { } database)
        {
            await database.DisposeAsync();
        }
    }
}
