using System.Text.RegularExpressions;
using ClusterActors.Cli.LocalCluster;
using RunningNode = ClusterActors.Cli.LocalCluster.NodeProcess;

namespace ClusterActors.Node.Tests.Process;

/// <summary>A real ClusterActors.Node process for these tests: the shape they were written against, over clusterctl's one process wrapper.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly RunningNode node;

    private NodeProcess(RunningNode node) => this.node = node;

    /// <summary>Everything the node printed so far (its latest 2000 lines), stdout and stderr interleaved.</summary>
    public string Output => node.Output;

    /// <summary>Starts <c>dotnet ClusterActors.Node.dll</c> with these arguments.</summary>
    public static NodeProcess Start(params string[] args) => new(RunningNode.Start(new NodeProcessStart("node", args)));

    /// <summary>Waits until the node announces its management address and returns it (http://host:port).</summary>
    public Task<Uri> WaitForManagementAddress(TimeSpan deadline) => node.WaitForManagementAddress(deadline);

    /// <summary>Waits until a printed line matches, or fails with everything printed so far.</summary>
    public Task<string> WaitForLine(Regex pattern, TimeSpan deadline) => node.WaitForLine(pattern, deadline);

    /// <summary>Sends a POSIX signal by name: TERM, INT or KILL.</summary>
    public Task Signal(string signal)
    {
        node.Signal(signal switch
        {
            "TERM" => NodeSignal.Terminate,
            "INT" => NodeSignal.Interrupt,
            "KILL" => NodeSignal.Kill,
            _ => throw new ArgumentException($"unknown signal '{signal}' (TERM, INT or KILL)", nameof(signal)),
        });
        return Task.CompletedTask;
    }

    /// <summary>Waits for the process to exit and returns its exit code, or fails with its output.</summary>
    public Task<int> WaitForExit(TimeSpan deadline) => node.WaitForExit(deadline);

    public ValueTask DisposeAsync() => node.DisposeAsync();
}
