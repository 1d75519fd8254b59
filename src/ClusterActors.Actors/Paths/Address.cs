using System.Text;

namespace ClusterActors.Actors;

/// <summary>Where an actor system lives: <c>ca://sys</c> locally, <c>ca.tcp://sys@host:port</c> once remoting is on.</summary>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The protocol of a purely local system.</summary>
    public const string LocalProtocol = "ca";

    /// <summary>True when the address names a host (a remote-capable address).</summary>
    public bool HasHost => Host is not null;

    /// <summary>The address in URI form, e.g. <c>ca.tcp://sys@host:port</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Protocol).Append("://").Append(System);
        if (Host is not null)
        {
            builder.Append('@').Append(Host);
            if (Port is not null)
            {
                builder.Append(':').Append(Port.Value);
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses the URI form produced by <see cref="ToString"/>; throws <see cref="FormatException"/> naming the input otherwise.</summary>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new FormatException($"'{text}' is not an actor system address: expected protocol://system[@host:port].");
        }

        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return rest.Length == 0
                ? throw new FormatException($"'{text}' is not an actor system address: the system name is empty.")
                : new Address(protocol, rest);
        }

        var system = rest[..at];
        var hostPort = rest[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (system.Length == 0 || hostPort.Length == 0)
        {
            throw new FormatException($"'{text}' is not an actor system address: system or host is empty.");
        }

        if (colon < 0)
        {
            return new Address(protocol, system, hostPort);
        }

        if (!int.TryParse(hostPort.AsSpan(colon + 1), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"'{text}' is not an actor system address: '{hostPort[(colon + 1)..]}' is no port.");
        }

        return new Address(protocol, system, hostPort[..colon], port);
    }
}
