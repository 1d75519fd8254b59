namespace ClusterActors.Cli.LocalCluster;

/// <summary>A local cluster could not be laid out, started or formed; the message says why and names the node, port or option.</summary>
public sealed class LocalClusterException : Exception
{
    /// <summary>Creates the error with its message.</summary>
    public LocalClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public LocalClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with a generic message.</summary>
    public LocalClusterException()
        : base("The local cluster failed.")
    {
    }
}
