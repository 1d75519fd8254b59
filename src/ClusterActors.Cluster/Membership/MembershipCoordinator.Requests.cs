using System.Collections.Immutable;
using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>Operator requests (join, leave, down) and the state snapshot the management routes read.</summary>
public sealed partial class MembershipCoordinator
{
    private void OnJoinNode(JoinNode request)
    {
        if (RefusedAfterDistress())
        {
            return;
        }

        if (Silent)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Refused, $"This node is {status}: {reason}"));
            return;
        }

        extraSeeds.Add(request.Address);
        if (round is null)
        {
            StartRound(NextEpoch(), $"operator asked to join {request.Address}");
        }
        else
        {
            round.Await([request.Address]);
            Contact(round, [request.Address]);
        }

        Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Accepted, $"Petitioning {request.Address} to join"));
    }

    private void OnLeaveNode(LeaveNode request)
    {
        if (RefusedAfterDistress())
        {
            return;
        }

        if (request.Address == self.Address)
        {
            var accepted = BeginLeave("operator request");
            Sender.Tell(accepted
                ? new MembershipCommandResult(MembershipCommandOutcome.Accepted, $"Leaving {self.Address}")
                : new MembershipCommandResult(MembershipCommandOutcome.Refused, $"This node is {status}, not a member: {reason}"));
            return;
        }

        var member = current.Members.IsDefaultOrEmpty ? null : current.Members.FirstOrDefault(m => m.Address == request.Address);
        if (member is null)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.NotFound, $"Member [{request.Address}] not found"));
            return;
        }

        network.Send(member.Address, new PleaseLeave(self));
        Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Accepted, $"Asked {request.Address} to leave"));
    }

    private void OnDownNode(DownNode request)
    {
        if (RefusedAfterDistress())
        {
            return;
        }

        var member = current.Members.IsDefaultOrEmpty ? null : current.Members.FirstOrDefault(m => m.Address == request.Address);
        if (member is null)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.NotFound, $"Member [{request.Address}] not found"));
            return;
        }

        if (member == self)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Refused, "A node cannot down itself; ask it to leave, or down it from another member"));
            return;
        }

        if (Silent || !IsMember)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Refused, $"This node is {status}: {reason}"));
            return;
        }

        var target = round;
        if (target is { Phase: RoundPhase.Presence })
        {
            target.AddDeparting([member]);
        }
        else
        {
            StartRound(NextEpoch(), $"operator downed {member}", [member]);
        }

        Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Accepted, $"Downing {request.Address}: the others reconfigure without it"));
    }

    /// <summary>SPEC M7: announce the leave with a reconfiguration message to every member, then fall silent.</summary>
    private bool BeginLeave(string why)
    {
        if (Silent || !IsMember)
        {
            return false;
        }

        var epoch = NextEpoch();
        var announcement = new Reconfigure(epoch, self, current, [self], []);
        foreach (var member in current.Members.Where(member => member != self))
        {
            network.Send(member.Address, announcement);
        }

        Context.Timers.CancelAll();
        round = null;
        status = MembershipStatus.Left;
        reason = $"left the cluster at epoch {current.Epoch} ({why})";
        heartbeat.Tell(new MonitorMembers(CommittedCluster.None));
        MembershipLog.Left(Context.Log, self, current.Epoch, why);
        Context.System.EventStream.Publish(new MembershipStopped(self, current.Epoch, reason, Excluded: false));
        return true;
    }

    private ClusterStateSnapshot Snapshot()
    {
        var hasQuorum = IsMember && status is MembershipStatus.Up or MembershipStatus.Reconfiguring;
        var members = current.IsEmpty ? ImmutableArray<MemberEntry>.Empty
            : [.. current.Members.Select(member => new MemberEntry(member, joinedEpochs.GetValueOrDefault(member, current.Epoch)))];
        var missing = unreachable.Select(member => new UnreachableEntry(member, [self.NodeId])).ToImmutableArray();
        return new ClusterStateSnapshot(self, status, current.Epoch, members, current.CrownPrince, hasQuorum, missing, reason);
    }

    private static string Describe(IEnumerable<ClusterMember> members) => $"[{string.Join(", ", members)}]";
}
