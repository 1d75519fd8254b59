namespace ClusterActors.TestKit;

/// <summary>
/// Akka's MultiNode TestKit in one process: every role of a <see cref="MultiNodeConfig"/> gets its own
/// actor system on real TCP over loopback, and the scenario runs once per role, concurrently, meeting
/// at barriers.
/// </summary>
/// <example>
/// <code>
/// var config = new MultiNodeConfig();
/// var first = config.Role("node1"); var second = config.Role("node2");
/// await MultiNodeSpec.RunAsync(config, async node =>
/// {
///     await node.RunOn(second, () => { node.System.ActorOf(Props.Create(() => new Echo()), "echo"); return Task.CompletedTask; });
///     await node.EnterBarrier("echo-started");
///     await node.RunOn(first, async () => { var echo = node.ResolveRef(second, "/user/echo"); ... });
///     await node.EnterBarrier("done");
/// });
/// </code>
/// </example>
public static class MultiNodeSpec
{
    /// <summary>Starts every role's node, runs <paramref name="scenario"/> on each, and shuts the nodes down; throws the first role's failure.</summary>
    public static async Task RunAsync(MultiNodeConfig config, Func<MultiNodeContext, Task> scenario, MultiNodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(scenario);
        if (config.Roles.Count == 0)
        {
            throw new ArgumentException("A multi-node spec needs at least one role.", nameof(config));
        }

        await using var run = await MultiNodeRun.StartAsync(config, options ?? new MultiNodeOptions()).ConfigureAwait(false);
        await run.RunScenarioAsync(scenario).ConfigureAwait(false);
    }
}
