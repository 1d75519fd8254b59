using System.Reflection;
using ClusterActors.Hocon;

namespace ClusterActors.Remoting;

/// <summary>Maps <c>clusteractors.node</c>, <c>clusteractors.remote</c> and <c>clusteractors.cluster.secret</c> onto the TCP transport's settings.</summary>
public static class TcpTransportSettingsReader
{
    private const string Node = "clusteractors.node.";
    private const string Remote = "clusteractors.remote.";
    private const string SecretKey = "clusteractors.cluster.secret";

    /// <summary>The version this build reports in its handshakes (the assembly's informational version, without build metadata).</summary>
    public static string SoftwareVersion { get; } = ReadSoftwareVersion();

    /// <summary>Reads the transport settings for a new run of the node (a fresh incarnation each call); bad values throw naming their key.</summary>
    /// <exception cref="ConfigurationValueException">A value is out of range, or a non-loopback hostname has no cluster secret.</exception>
    public static TcpTransportSettings Read(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var systemName = config.GetString(Node + "system-name");
        if (!ClusterActors.Actors.ActorSystem.IsValidName(systemName))
        {
            throw new ConfigurationValueException(Node + "system-name", $"'{systemName}' is not a valid actor system name (letters, digits, '-' and '_', starting with a letter or digit)");
        }

        var hostname = config.GetString(Remote + "hostname");
        if (!RemoteAddress.TryParse($"ca.tcp://{systemName}@{hostname}:1", out _))
        {
            throw new ConfigurationValueException(Remote + "hostname", $"'{hostname}' is not a host name or IP address (IPv6 in brackets)");
        }

        var port = config.GetInt(Remote + "port");
        if (port is < 0 or > 65535)
        {
            throw new ConfigurationValueException(Remote + "port", $"{port} is not a TCP port (0-65535; 0 picks a free one)");
        }

        var secretText = config.GetString(SecretKey);
        if (secretText.Length == 0 && !TcpHosts.IsLoopback(hostname))
        {
            throw new ConfigurationValueException(SecretKey, $"is empty, but clusteractors.remote.hostname '{hostname}' is not a loopback address: a node reachable from other hosts must authenticate its peers. Set the same secret on every node (CLUSTERACTORS_CLUSTER_SECRET).");
        }

        var nodeId = config.GetString(Node + "node-id");
        if (nodeId.Length == 0)
        {
            nodeId = $"{hostname.Trim('[', ']')}:{port}";
        }

        if (!NodeIds.IsValid(nodeId))
        {
            throw new ConfigurationValueException(Node + "node-id", $"'{nodeId}' is not a node id (1-{NodeIds.MaxLength} letters, digits, '.', '_', ':', '-', starting with a letter or digit)");
        }

        var maxFrame = config.GetBytes(Remote + "max-frame-size");
        if (maxFrame < FrameLimits.HandshakeMaxFrameSize || maxFrame > FrameLimits.MaximumMaxFrameSize)
        {
            throw new ConfigurationValueException(Remote + "max-frame-size", $"{maxFrame} bytes is outside {FrameLimits.HandshakeMaxFrameSize}..{FrameLimits.MaximumMaxFrameSize}");
        }

        var queue = config.GetInt(Remote + "outbound-queue-capacity");
        if (queue < 1)
        {
            throw new ConfigurationValueException(Remote + "outbound-queue-capacity", $"{queue} must be at least 1");
        }

        var backoffMin = Positive(config, Remote + "reconnect-backoff-min");
        var backoffMax = Positive(config, Remote + "reconnect-backoff-max");
        if (backoffMax < backoffMin)
        {
            throw new ConfigurationValueException(Remote + "reconnect-backoff-max", $"{backoffMax} is shorter than reconnect-backoff-min {backoffMin}");
        }

        return new TcpTransportSettings
        {
            SystemName = systemName,
            Hostname = hostname,
            Port = port,
            NodeId = nodeId,
            Incarnation = NodeIncarnation.New(CryptoRandomSource.Instance),
            SoftwareVersion = SoftwareVersion,
            Secret = secretText.Length == 0 ? ClusterSecret.None : ClusterSecret.FromText(secretText),
            MaxFrameSize = (int)maxFrame,
            OutboundQueueCapacity = queue,
            HandshakeTimeout = Positive(config, Remote + "handshake-timeout"),
            ConnectTimeout = Positive(config, Remote + "connect-timeout"),
            ReconnectBackoffMin = backoffMin,
            ReconnectBackoffMax = backoffMax,
        };
    }

    private static TimeSpan Positive(HoconConfig config, string path)
    {
        var value = config.GetDuration(path);
        return value > TimeSpan.Zero ? value : throw new ConfigurationValueException(path, $"{value} must be longer than zero");
    }

    private static string ReadSoftwareVersion()
    {
        var informational = typeof(TcpTransportSettingsReader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
