namespace ClusterActors.Node.Hosting;

/// <summary>The node cannot listen for cluster peers on its configured endpoint (the port is taken, the address is not local).</summary>
public sealed class ClusterEndpointUnavailableException : Exception
{
    /// <summary>Creates the error for <paramref name="endpoint"/>.</summary>
    public ClusterEndpointUnavailableException(string endpoint, Exception innerException)
        : base($"cannot listen for cluster peers on {endpoint}: {innerException?.Message}", innerException)
    {
    }

    /// <summary>Creates an empty error.</summary>
    public ClusterEndpointUnavailableException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    public ClusterEndpointUnavailableException(string message)
        : base(message)
    {
    }
}
