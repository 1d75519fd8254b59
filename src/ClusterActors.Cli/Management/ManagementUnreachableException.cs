namespace ClusterActors.Cli.Management;

/// <summary>The management endpoint could not be reached (refused, unknown host, no answer in time); the message names the URL.</summary>
public sealed class ManagementUnreachableException : Exception
{
    /// <summary>Creates the error with a one-line message naming the URL.</summary>
    public ManagementUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with a one-line message.</summary>
    public ManagementUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a generic message.</summary>
    public ManagementUnreachableException()
        : base("The management endpoint could not be reached.")
    {
    }
}
