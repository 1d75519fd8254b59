namespace ClusterActors.Remoting;

/// <summary>A remote address that does not follow <c>ca.tcp://system@host:port</c>; names the text and the bad part.</summary>
public sealed class RemoteAddressFormatException : FormatException
{
    /// <summary>Creates the error for <paramref name="text"/>, whose <paramref name="part"/> is wrong for the reason given.</summary>
    public RemoteAddressFormatException(string text, RemoteAddressPart part, string reason)
        : base($"'{text}' is not a remote address (ca.tcp://system@host:port): the {Describe(part)} {reason}")
    {
        Text = text;
        Part = part;
        Reason = reason;
    }

    /// <summary>Creates an error with a free-form message (for serializers and tooling).</summary>
    public RemoteAddressFormatException()
        : this("The text is not a remote address (ca.tcp://system@host:port).")
    {
    }

    /// <summary>Creates an error with a free-form message (for serializers and tooling).</summary>
    public RemoteAddressFormatException(string message)
        : base(message)
    {
        Text = string.Empty;
        Reason = message;
    }

    /// <summary>Creates an error with a free-form message and cause.</summary>
    public RemoteAddressFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = string.Empty;
        Reason = message;
    }

    /// <summary>The text that failed to parse.</summary>
    public string Text { get; }

    /// <summary>Which part of the address is wrong.</summary>
    public RemoteAddressPart Part { get; }

    /// <summary>Why that part is wrong.</summary>
    public string Reason { get; }

    private static string Describe(RemoteAddressPart part) => part switch
    {
        RemoteAddressPart.Protocol => "protocol",
        RemoteAddressPart.System => "system name",
        RemoteAddressPart.Host => "host",
        _ => "port",
    };
}
