using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Hocon;
using ClusterActors.Persistence.Devices;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Membership;

/// <summary>Maps <c>clusteractors.cluster</c> onto <see cref="MembershipSettings"/>; bad values throw naming their key.</summary>
public static class MembershipSettingsReader
{
    private const string Cluster = "clusteractors.cluster.";

    /// <summary>Reads the settings; <paramref name="dataDirectory"/> anchors a relative quorum-device file; <paramref name="randomSeed"/> seeds retry jitter.</summary>
    /// <exception cref="ConfigurationValueException">A value is missing, mistyped or out of range.</exception>
    public static MembershipSettings Read(HoconConfig config, string dataDirectory, int randomSeed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var seeds = ImmutableArray.CreateBuilder<Address>();
        foreach (var text in config.GetStringList(Cluster + "seed-nodes"))
        {
            if (!RemoteAddress.TryParse(text, out var address))
            {
                throw new ConfigurationValueException(Cluster + "seed-nodes", $"'{text}' is not a node address (ca.tcp://system@host:port)");
            }

            seeds.Add(address);
        }

        var policyText = config.GetString(Cluster + "isolation-policy");
        var policy = policyText.ToUpperInvariant() switch
        {
            "REFUSE" => IsolationPolicy.Refuse,
            "FORM" => IsolationPolicy.Form,
            _ => throw new ConfigurationValueException(Cluster + "isolation-policy", $"'{policyText}' is not one of: refuse, form"),
        };

        var settings = new MembershipSettings
        {
            SeedNodes = seeds.ToImmutable(),
            IsolationPolicy = policy,
            ReconfigurationTimeout = Positive(config, Cluster + "reconfiguration-timeout"),
            JoinRetryInterval = Positive(config, Cluster + "join-retry-interval"),
            HeartbeatInterval = Positive(config, Cluster + "heartbeat-interval"),
            CommunicationTimeout = Positive(config, Cluster + "communication-timeout"),
            Devices = QuorumDeviceSettings.Read(config, dataDirectory),
            RandomSeed = randomSeed,
        };

        if (settings.CommunicationTimeout <= settings.HeartbeatInterval)
        {
            throw new ConfigurationValueException(Cluster + "communication-timeout", $"{settings.CommunicationTimeout} must be longer than heartbeat-interval {settings.HeartbeatInterval}");
        }

        return settings;
    }

    private static TimeSpan Positive(HoconConfig config, string key)
    {
        var value = config.GetDuration(key);
        return value > TimeSpan.Zero ? value : throw new ConfigurationValueException(key, $"{value} must be positive");
    }
}
