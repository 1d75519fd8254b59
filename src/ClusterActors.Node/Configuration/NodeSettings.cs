using System.Net;
using System.Security.Cryptography;
using ClusterActors.Actors;
using ClusterActors.Cluster.Distress;
using ClusterActors.Cluster.Membership;
using ClusterActors.Hocon;
using ClusterActors.Persistence.MembershipDatabase;
using ClusterActors.Remoting;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Node.Configuration;

/// <summary>The typed settings of one node, read and validated from its resolved configuration.</summary>
public sealed record NodeSettings(
    string SystemName,
    string DataDirectory,
    IPAddress ManagementAddress,
    int ManagementPort,
    LogLevel LogLevel,
    ActorSystemSettings ActorSystem,
    TcpTransportSettings Transport,
    MembershipSettings Membership,
    string ManagementToken,
    MembershipDatabaseSettings MembershipDatabase,
    TransitionHostSettings Transitions,
    DistressSettings Distress)
{
    /// <summary>Reads every node key; a missing, mistyped or out-of-range value throws naming its key.</summary>
    public static NodeSettings From(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string http = "clusteractors.management.http.";

        // The transport reader validates the system name (part of the node's address) along with the rest.
        var transport = TcpTransportSettingsReader.Read(config);

        var port = config.GetInt(http + "port");
        if (port is < 0 or > 65535)
        {
            throw new ConfigurationValueException(http + "port", $"{port} is not a TCP port (0-65535; 0 picks a free one)");
        }

        var hostname = config.GetString(http + "hostname");
        var address = string.Equals(hostname, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(hostname, out var parsed) ? parsed
            : throw new ConfigurationValueException(http + "hostname", $"'{hostname}' is not an IP address or 'localhost'");

        var levelText = config.GetString("clusteractors.logging.level");
        if (!Enum.TryParse<LogLevel>(levelText, ignoreCase: true, out var level) || !Enum.IsDefined(level))
        {
            throw new ConfigurationValueException("clusteractors.logging.level", $"'{levelText}' is not one of {string.Join(", ", Enum.GetNames<LogLevel>())}");
        }

        var dataDirectory = config.GetString("clusteractors.node.data-dir");

        // The seed of the membership's retry jitter: drawn here, at the edge, so the protocol code
        // itself takes randomness only from what it is given (and a simulation can give it a fixed one).
        var membership = MembershipSettingsReader.Read(config, dataDirectory, RandomNumberGenerator.GetInt32(int.MaxValue));

        return new NodeSettings(
            transport.SystemName,
            dataDirectory,
            address,
            port,
            level,
            ActorSystemSettingsReader.Read(config),
            transport,
            membership,
            config.GetString(http + "token"),
            MembershipDatabaseSettings.Read(config, dataDirectory),
            TransitionHostSettings.Read(config),
            DistressSettings.Read(config));
    }
}
