using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>A <see cref="Status.Failure"/> that came from another node: the original exception's type and message, without its stack.</summary>
public sealed class RemoteFailureException : Exception
{
    /// <summary>Creates the failure for an exception of <paramref name="remoteExceptionType"/> with <paramref name="message"/>.</summary>
    public RemoteFailureException(string remoteExceptionType, string message)
        : base($"{remoteExceptionType} on a remote node: {message}")
    {
        RemoteExceptionType = remoteExceptionType;
    }

    /// <summary>Creates an empty failure.</summary>
    public RemoteFailureException()
    {
        RemoteExceptionType = string.Empty;
    }

    /// <summary>Creates a failure with a message.</summary>
    public RemoteFailureException(string message)
        : base(message)
    {
        RemoteExceptionType = string.Empty;
    }

    /// <summary>Creates a failure with a message and a cause.</summary>
    public RemoteFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        RemoteExceptionType = string.Empty;
    }

    /// <summary>The full name of the exception type thrown on the remote node.</summary>
    public string RemoteExceptionType { get; }
}
