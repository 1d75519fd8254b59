using System.Collections.Concurrent;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Node.Tests.Management;

/// <summary>A scripted membership for route tests: returns the snapshot and command result it is given, records every command.</summary>
public sealed class ClusterMembersFakeClient : IClusterMembershipClient
{
    public static readonly ClusterMember Node1 = Member("node-1", 2551, 11);
    public static readonly ClusterMember Node2 = Member("node-2", 2552, 22);
    public static readonly ClusterMember Node3 = Member("node-3", 2553, 33);

    /// <summary>Self node-1; node-2 and node-3 joined first (epoch 1), node-3 is crown prince and unreachable.</summary>
    public static readonly ClusterStateSnapshot ThreeUp = new(
        Node1,
        MembershipStatus.Up,
        Epoch: 7,
        Members: [new MemberEntry(Node3, 1), new MemberEntry(Node2, 1), new MemberEntry(Node1, 2)],
        CrownPrince: Node3,
        HasQuorum: true,
        Unreachable: [new UnreachableEntry(Node3, ["node-1", "node-2"])],
        Reason: null);

    public ClusterStateSnapshot State { get; set; } = ThreeUp;

    public MembershipCommandResult Result { get; set; } = new(MembershipCommandOutcome.Accepted, "Request accepted");

    /// <summary>When set, every call fails with it (e.g. the coordinator's Ask timing out).</summary>
    public Exception? Failure { get; set; }

    public ConcurrentQueue<(string Command, Address Address)> Commands { get; } = new();

    public static ClusterMember Member(string nodeId, int port, long incarnation) =>
        new(nodeId, new Address("ca.tcp", "sys", "127.0.0.1", port), incarnation);

    public Task<ClusterStateSnapshot> GetStateAsync(CancellationToken cancellationToken = default) =>
        Failure is null ? Task.FromResult(State) : Task.FromException<ClusterStateSnapshot>(Failure);

    public Task<MembershipCommandResult> JoinAsync(Address address, CancellationToken cancellationToken = default) => Record("Join", address);

    public Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default) => Record("Leave", address);

    public Task<MembershipCommandResult> DownAsync(Address address, CancellationToken cancellationToken = default) => Record("Down", address);

    private Task<MembershipCommandResult> Record(string command, Address address)
    {
        Commands.Enqueue((command, address));
        return Failure is null ? Task.FromResult(Result) : Task.FromException<MembershipCommandResult>(Failure);
    }
}

