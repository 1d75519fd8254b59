using System.Globalization;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Management.Cluster;

/// <summary>Turns a <see cref="ClusterStateSnapshot"/> into the bodies of the membership routes.</summary>
public static class ClusterMembersView
{
    /// <summary>The whole view: members, unreachable, crown prince, oldest, epoch, quorum.</summary>
    public static ClusterMembersResponse From(ClusterStateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var crownPrince = snapshot.CrownPrince?.Address.ToString();
        return new ClusterMembersResponse(
            SelfNode: snapshot.Self.Address.ToString(),
            Members: [.. snapshot.Members.Select(entry => Member(snapshot, entry))],
            Unreachable: [.. snapshot.Unreachable.Select(entry => new UnreachableMemberResponse(entry.Member.Address.ToString(), [.. entry.ObservedBy]))],
            Leader: crownPrince,
            Oldest: Oldest(snapshot),
            OldestPerRole: new Dictionary<string, string>(),
            Epoch: snapshot.Epoch,
            CrownPrince: crownPrince,
            HasQuorum: snapshot.HasQuorum,
            SelfStatus: snapshot.Status.ToString(),
            Reason: snapshot.Reason);
    }

    /// <summary>The member at <paramref name="address"/>, or null when the committed cluster has none there.</summary>
    public static ClusterMemberResponse? FindMember(ClusterStateSnapshot snapshot, Address address)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var entry in snapshot.Members)
        {
            if (entry.Member.Address.Equals(address))
            {
                return Member(snapshot, entry);
            }
        }

        return null;
    }

    // The snapshot carries one status, this node's: a committed member is Up while the cluster holds
    // quorum; without quorum every member shares this node's view (Reconfiguring, Stopped …).
    private static ClusterMemberResponse Member(ClusterStateSnapshot snapshot, MemberEntry entry) =>
        new(
            entry.Member.Address.ToString(),
            entry.Member.Incarnation.ToString(CultureInfo.InvariantCulture),
            snapshot.HasQuorum ? nameof(MembershipStatus.Up) : snapshot.Status.ToString(),
            []);

    private static string? Oldest(ClusterStateSnapshot snapshot) =>
        snapshot.Members
            .Select(entry => (entry.JoinedEpoch, Address: entry.Member.Address.ToString()))
            .OrderBy(entry => entry.JoinedEpoch)
            .ThenBy(entry => entry.Address, StringComparer.Ordinal)
            .Select(entry => entry.Address)
            .FirstOrDefault();
}
