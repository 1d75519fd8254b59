using System.Collections.Concurrent;
using System.Security.Cryptography;
using ClusterActors.Actors;
using ClusterActors.Hocon;
using ClusterActors.Hocon.Layering;
using ClusterActors.Remoting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.TestKit;

/// <summary>One run of a multi-node spec: the nodes, the shared fault injector, the barriers.</summary>
internal sealed class MultiNodeRun : IAsyncDisposable
{
    private readonly ConcurrentDictionary<RoleName, RemoteActorSystem> nodes = new();
    private readonly ConcurrentDictionary<RoleName, RoleNode> roleNodes = new();
    private long probeCounter;
    private string secret = "";

    private MultiNodeRun(MultiNodeConfig config, MultiNodeOptions options)
    {
        Config = config;
        Options = options;
        Barriers = new BarrierCoordinator(config.Roles);
        BarrierTimeout = TestKitSettings.Dilated(options.BarrierTimeout);
    }

    public MultiNodeConfig Config { get; }

    public MultiNodeOptions Options { get; }

    public IReadOnlyList<RoleName> Roles => Config.Roles;

    public BarrierCoordinator Barriers { get; }

    public TimeSpan BarrierTimeout { get; }

    /// <summary>Faults on the links between nodes; real time, fixed seed.</summary>
    public FaultInjector Faults { get; } = new(TimeProvider.System, seed: 0);

    public static async Task<MultiNodeRun> StartAsync(MultiNodeConfig config, MultiNodeOptions options)
    {
        var run = new MultiNodeRun(config, options);
        try
        {
            // One secret per run: nodes of concurrently running specs cannot talk to each other by accident.
            run.secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            foreach (var role in config.Roles)
            {
                await run.StartNodeAsync(role, port: 0).ConfigureAwait(false);
            }
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return run;
    }

    public RemoteActorSystem NodeOf(RoleName role) =>
        nodes.TryGetValue(role, out var node) ? node : throw new InvalidOperationException($"Role {role} has no running node (it exited, was shut down, or is not declared).");

    public RoleNode RoleNodeOf(RoleName role) =>
        roleNodes.TryGetValue(role, out var node) ? node : throw new ArgumentException($"Role {role} is not declared in this spec.", nameof(role));

    public TestProbe CreateProbe(RoleName role, string? name) =>
        new(NodeOf(role).System, new RealTimeDriver(), name ?? $"probe-{Interlocked.Increment(ref probeCounter)}");

    public async Task RunScenarioAsync(Func<MultiNodeContext, Task> scenario)
    {
        var failures = new ConcurrentQueue<(RoleName Role, Exception Error)>();
        var roleRuns = Roles.Select(role => Task.Run(async () =>
        {
            try
            {
                await scenario(new MultiNodeContext(this, role)).ConfigureAwait(false);
            }
            catch (NodeExitedException)
            {
                // The role's node was exited or shut down: its part of the spec ended there.
            }
            catch (Exception error)
            {
                failures.Enqueue((role, error));

                // Release the roles waiting for this one at a barrier instead of letting them time out.
                Barriers.Fail(new TestKitFailureException($"Role {role} failed, so the spec stops: {error.Message}", error));
            }
        }));
        await Task.WhenAll(roleRuns).ConfigureAwait(false);

        // The role that failed first is queued first; the others' failures are the barrier releasing them.
        if (failures.TryDequeue(out var first))
        {
            throw new TestKitFailureException($"Role {first.Role} failed: {first.Error.Message}", first.Error);
        }
    }

    public async Task ExitAsync(RoleName role)
    {
        if (nodes.TryRemove(role, out var node))
        {
            Barriers.Leave(role);
            await node.AbortAsync().ConfigureAwait(false);
        }
    }

    public async Task ShutdownAsync(RoleName role)
    {
        if (nodes.TryRemove(role, out var node))
        {
            Barriers.Leave(role);
            await node.ShutdownAsync().ConfigureAwait(false);
        }
    }

    public async Task RestartAsync(RoleName role)
    {
        var old = NodeOf(role);
        await old.AbortAsync().ConfigureAwait(false);
        await StartNodeAsync(role, old.Address.Port ?? 0).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        var remaining = nodes.Keys.ToList();
        await Task.WhenAll(remaining.Select(ShutdownAsync)).WaitAsync(TestKitSettings.ShutdownTimeout).ConfigureAwait(false);
    }

    private async Task StartNodeAsync(RoleName role, int port)
    {
        var hocon = HoconConfig.Parse(Config.NodeConfigOf(role))
            .WithFallback(HoconConfig.Parse(Config.CommonConfig))
            .WithFallback(HoconConfig.Parse($"clusteractors {{ node.node-id = \"{role.Name}\", remote.port = {port}, cluster.secret = \"{secret}\" }}"))
            .WithFallback(HoconConfig.Parse(RuntimeConfiguration.Reference))
            .Resolve();
        var loggerFactory = Options.Output is { } output ? new TestOutputLoggerFactory(output, source: role.Name) : (ILoggerFactory)NullLoggerFactory.Instance;
        var actorSettings = ActorSystemSettingsReader.Read(hocon) with { LoggerFactory = loggerFactory };
        var transportSettings = TcpTransportSettingsReader.Read(hocon) with { LoggerFactory = loggerFactory, Faults = Faults };
        var registry = new MessageTypeRegistry();
        Options.RegisterMessages?.Invoke(registry);
        var node = await RemoteActorSystem.StartAsync(transportSettings.SystemName, new TcpTransport(transportSettings), registry, actorSettings).ConfigureAwait(false);
        nodes[role] = node;
        roleNodes[role] = new RoleNode(role, node.Address, node.Identity.Incarnation);
    }
}
