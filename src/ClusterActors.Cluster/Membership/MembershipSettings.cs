using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Persistence.Devices;

namespace ClusterActors.Cluster.Membership;

/// <summary>What a starting node does when none of its seed nodes answers (SPEC M3).</summary>
public enum IsolationPolicy
{
    /// <summary>Keep petitioning; form nothing alone.</summary>
    Refuse,

    /// <summary>Form a one-node cluster.</summary>
    Form,
}

/// <summary>The membership coordinator's and heartbeat detector's settings (<c>clusteractors.cluster</c>).</summary>
public sealed record MembershipSettings
{
    /// <summary>Nodes petitioned on start (the node's own address may be among them).</summary>
    public ImmutableArray<Address> SeedNodes { get; init; } = [];

    /// <summary>What to do when nobody answers a starting node.</summary>
    public IsolationPolicy IsolationPolicy { get; init; } = IsolationPolicy.Refuse;

    /// <summary>How long each phase of a reconfiguration waits for answers.</summary>
    public TimeSpan ReconfigurationTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Pause before petitioning again after a refused or aborted join.</summary>
    public TimeSpan JoinRetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Keep-alive period between members.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Silence after which a member is taken as failed.</summary>
    public TimeSpan CommunicationTimeout { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Which devices each group of nodes shares, and who wins a two-node race without one.</summary>
    public QuorumDeviceSettings Devices { get; init; } = NoDevices;

    /// <summary>No devices declared; a two-node race goes to the crown prince.</summary>
    public static QuorumDeviceSettings NoDevices { get; } = new(QuorumDeviceProvider.Sqlite, "", "", [], QuorumDeviceSettings.CrownPrinceWins);

    /// <summary>Seed for the jitter of retries, so a simulated run replays.</summary>
    public int RandomSeed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Positive(ReconfigurationTimeout, nameof(ReconfigurationTimeout));
        Positive(JoinRetryInterval, nameof(JoinRetryInterval));
        Positive(HeartbeatInterval, nameof(HeartbeatInterval));
        if (CommunicationTimeout <= HeartbeatInterval)
        {
            throw new ArgumentException($"CommunicationTimeout {CommunicationTimeout} must be longer than HeartbeatInterval {HeartbeatInterval}, or every member times out between two keep-alives.", nameof(CommunicationTimeout));
        }

        ArgumentNullException.ThrowIfNull(Devices, nameof(Devices));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive, not {value}.", name);
        }
    }
}
