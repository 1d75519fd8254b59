namespace ClusterActors.Cli.LocalCluster;

/// <summary>The POSIX signals sent to node processes (the values are the Linux and macOS signal numbers).</summary>
public enum NodeSignal
{
    /// <summary>SIGINT, what Ctrl-C sends: the node runs its ordered shutdown.</summary>
    Interrupt = 2,

    /// <summary>SIGKILL: the process ends at once, as in a crash.</summary>
    Kill = 9,

    /// <summary>SIGTERM: the node runs its ordered shutdown and exits 0.</summary>
    Terminate = 15,

    /// <summary>SIGPWR (Linux only): the power failed; the node sends its distress asynchronously and shuts down.</summary>
    PowerFailure = 30,
}
