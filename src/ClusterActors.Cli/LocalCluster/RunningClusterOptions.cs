namespace ClusterActors.Cli.LocalCluster;

/// <summary>How <see cref="RunningCluster.Start"/> runs the node processes.</summary>
public sealed record RunningClusterOptions
{
    /// <summary>The node program; null: ClusterActors.Node.dll beside this program (<see cref="NodeProgram.Locate"/>).</summary>
    public string? ProgramPath { get; init; }

    /// <summary>Hears every line every node prints (clusterctl prefixes and prints them).</summary>
    public Action<NodeOutputLine>? OnOutputLine { get; init; }

    /// <summary>Lines of each node's output added to failure messages; 0 when the caller shows the output already.</summary>
    public int OutputTailInErrors { get; init; } = 40;

    /// <summary>The clock for deadlines.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
