namespace ClusterActors.Cli;

/// <summary>What clusterctl's exit code means.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command could not be carried out (a node did not answer, an operation failed).</summary>
    public const int Failed = 1;

    /// <summary>The input was bad: a configuration that does not parse or resolve, a usage error.</summary>
    public const int BadInput = 2;

    /// <summary>The management endpoint could not be reached, or said the membership coordinator did not answer (HTTP 503).</summary>
    public const int Unavailable = 3;
}
