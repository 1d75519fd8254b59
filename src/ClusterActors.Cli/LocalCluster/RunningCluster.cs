using System.Globalization;
using System.Text;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>The node processes of a <see cref="LocalClusterLayout"/>, one per node, each started with its generated file.</summary>
/// <remarks>Disposing kills every process still running, so a failed test or an interrupted benchmark leaves none behind.</remarks>
public sealed class RunningCluster : IAsyncDisposable
{
    private readonly RunningClusterOptions options;

    private RunningCluster(LocalClusterLayout layout, IReadOnlyList<NodeProcess> processes, RunningClusterOptions options)
    {
        Layout = layout;
        Processes = processes;
        this.options = options;
    }

    /// <summary>What runs.</summary>
    public LocalClusterLayout Layout { get; }

    /// <summary>The processes, in node order.</summary>
    public IReadOnlyList<NodeProcess> Processes { get; }

    /// <summary>
    /// Starts one process per node of <paramref name="layout"/> (its files must be written) with
    /// <c>--config FILE</c>, in its data directory's parent; if one cannot start, the started ones are killed.
    /// </summary>
    public static async Task<RunningCluster> Start(LocalClusterLayout layout, RunningClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new RunningClusterOptions();
        var program = NodeProgram.Locate(options.ProgramPath);
        var started = new List<NodeProcess>(layout.Nodes.Count);
        try
        {
            foreach (var node in layout.Nodes)
            {
                started.Add(NodeProcess.Start(new NodeProcessStart(node.NodeId, ["--config", node.ConfigFile])
                {
                    ProgramPath = program,
                    WorkingDirectory = layout.Directory,
                    OnOutputLine = options.OnOutputLine,
                    TimeProvider = options.TimeProvider,
                }));
            }
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            throw;
        }

        return new RunningCluster(layout, started, options);
    }

    /// <summary>The process of <paramref name="node"/>.</summary>
    public NodeProcess ProcessOf(LocalNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Processes[node.Index - 1];
    }

    /// <summary>
    /// Waits until every node shows all nodes Up with quorum at one epoch (<see cref="MembershipWatch.WaitForAgreementAsync"/>),
    /// polling every <paramref name="interval"/>. Fails as soon as a node exits, naming it and its exit code.
    /// </summary>
    public async Task<IReadOnlyList<MembershipReading>> WaitUntilFormedAsync(
        MembershipWatch watch,
        TimeSpan interval,
        TimeSpan deadline,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watch);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var agreed = watch.WaitForAgreementAsync(Layout.Nodes, new MembershipGoal(Layout.Nodes), interval, deadline, progress, stopWatching.Token);
        var firstExit = Task.WhenAny(Processes.Select(p => p.Exited));
        if (await Task.WhenAny(agreed, firstExit) != agreed)
        {
            await stopWatching.CancelAsync();
            var gone = Processes.First(p => p.HasExited);
            await Quietly(agreed);
            var code = await gone.Exited;
            throw new LocalClusterException(string.Create(CultureInfo.InvariantCulture, $"{gone.Name} exited with code {code} before the cluster formed.") + OutputTails());
        }

        try
        {
            return await agreed;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + OutputTails(), ex);
        }
    }

    /// <summary>SIGTERM to every node still running, then waits up to <paramref name="grace"/> for each, then kills; how each ended, in node order.</summary>
    public async Task<IReadOnlyList<NodeExit>> StopAsync(TimeSpan grace) =>
        await Task.WhenAll(Processes.Select(p => p.StopAsync(grace)));

    /// <summary>The last lines of every node's output, for failure messages ("" when <see cref="RunningClusterOptions.OutputTailInErrors"/> is 0).</summary>
    public string OutputTails()
    {
        if (options.OutputTailInErrors == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var process in Processes)
        {
            var state = process.HasExited ? string.Create(CultureInfo.InvariantCulture, $"exited with code {process.Exited.Result}") : "running";
            text.Append(CultureInfo.InvariantCulture, $"\n--- {process.Name} ({state}), last {options.OutputTailInErrors} lines:\n").Append(process.OutputTail(options.OutputTailInErrors));
        }

        return text.ToString();
    }

    /// <summary>Kills every process still running and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Cancelled on purpose: the exit is the failure being reported.
        }
    }
}
