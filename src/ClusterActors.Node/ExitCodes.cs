namespace ClusterActors.Node;

/// <summary>What the node process's exit code means, for scripts and supervisors.</summary>
public static class ExitCodes
{
    /// <summary>Ran and shut down in order (including after SIGTERM or Ctrl-C).</summary>
    public const int Ok = 0;

    /// <summary>The node failed while running.</summary>
    public const int Failed = 1;

    /// <summary>The configuration could not be read or holds a bad value; nothing was started.</summary>
    public const int BadConfiguration = 2;

    /// <summary>The cluster excluded this run of the node (it lost a split or was downed); start it again to petition as a new run.</summary>
    public const int Excluded = 3;
}
