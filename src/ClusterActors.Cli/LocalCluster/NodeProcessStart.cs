namespace ClusterActors.Cli.LocalCluster;

/// <summary>How to start a <see cref="NodeProcess"/>: <c>dotnet PROGRAM ARGUMENTS…</c>.</summary>
/// <param name="Name">What the process is called in output and errors (node-1 …).</param>
/// <param name="Arguments">The program's command line (for the node: <c>--config FILE</c>, <c>--set key=value</c>).</param>
public sealed record NodeProcessStart(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>The program (.dll) to run; null runs <see cref="NodeProgram.Locate"/>'s ClusterActors.Node.dll.</summary>
    public string? ProgramPath { get; init; }

    /// <summary>The working directory of the process; null is the directory the program is in.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Called with every line the process prints, on a thread-pool thread, in order within each stream.</summary>
    public Action<NodeOutputLine>? OnOutputLine { get; init; }

    /// <summary>How many of the latest lines <see cref="NodeProcess.Output"/> keeps (a long-running node must not fill memory).</summary>
    public int RetainedLines { get; init; } = 2000;

    /// <summary>The clock for deadlines.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
