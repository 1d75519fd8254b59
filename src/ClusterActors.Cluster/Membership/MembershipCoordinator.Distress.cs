namespace ClusterActors.Cluster.Membership;

/// <summary>
/// The coordinator's reaction to distress signals (SPEC S5, S6): a member that sent one failed and is
/// reconfigured away at once; this node, having sent one, leaves for good.
/// </summary>
public sealed partial class MembershipCoordinator
{
    /// <summary>SPEC S6: the run failed, it is not partitioned; reconfigure without it now, not after the communication timeout.</summary>
    private void OnMemberDistressed(MemberDistressed message)
    {
        var run = message.Run;
        var ignored = Silent ? $"this node is {status}: {reason}"
            : run == self ? "it names this very run (a node's own distress arrives as OwnDistressSent)"
            : !current.Contains(run) ? $"not a member of the current cluster {current}"
            : null;
        if (ignored is not null)
        {
            MembershipLog.DistressIgnored(Context.Log, self, run, message.Kind, message.Reason, ignored);
            return;
        }

        MembershipLog.MemberDistressed(Context.Log, self, run, message.Kind, message.Reason);
        RememberDistressed([run]);
        var trigger = $"{run} sent a distress signal ({message.Kind}: {message.Reason})";
        switch (round)
        {
            case { Phase: RoundPhase.Presence } active:
                // The round is still gathering: it leaves the run out, and everyone it told hears why.
                if (active.AddDistressed([run]))
                {
                    Resend(active);
                }

                if (active.EveryoneAnswered)
                {
                    ClosePresence(active);
                }

                break;
            case { } busy when busy.Proposed.Contains(run) && !busy.Proposals.ContainsKey(run):
                // The round waits for the dead run's proposal and can never agree: leave it now.
                StartRound(NextEpoch(), trigger, [run]);
                break;
            case { } busy when busy.Proposed.Contains(run):
                // The run proposed before it failed, so the round may still agree; it departs in the next one.
                deferred.Add(message);
                break;
            case { } busy:
                // The round already leaves the run out; quorum now counts it as departed.
                busy.AddDistressed([run]);
                break;
            default:
                StartRound(NextEpoch(), trigger, [run]);
                break;
        }
    }

    /// <summary>SPEC S5: this run told the cluster it is failing; it gives up every role and never takes part again as this run.</summary>
    private void OnOwnDistressSent(OwnDistressSent message)
    {
        if (distressSent is not null)
        {
            MembershipLog.OwnDistressRepeated(Context.Log, self, message.Kind, message.Reason);
            return;
        }

        distressSent = $"this run sent a distress signal ({message.Kind}: {message.Reason}); restart the node to rejoin as a new incarnation";
        MembershipLog.OwnDistressSent(Context.Log, self, message.Kind, message.Reason, current.Epoch);

        // Nothing more goes out as this run: no round, no retry, no newer-round message replayed.
        Context.Timers.CancelAll();
        deferred.Clear();
        Stop(round, distressSent, excluded: true);
    }

    /// <summary>Answers an operator request with the refusal of a run that sent a distress signal; false when it did not.</summary>
    private bool RefusedAfterDistress()
    {
        if (distressSent is null)
        {
            return false;
        }

        Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Refused, distressSent));
        return true;
    }

    /// <summary>Remembers runs as distressed and, like downed runs, excluded for good: never proposed again.</summary>
    private void RememberDistressed(IEnumerable<ClusterMember> runs)
    {
        foreach (var run in runs.Where(run => run != self))
        {
            distressedRuns.Add(run);
            excludedRuns.Add(run);
        }
    }

    /// <summary>Sends this node's reconfiguration message again to everyone it told, after it learned something they must judge by.</summary>
    private void Resend(ReconfigurationRound target)
    {
        var message = ReconfigureFor(target);
        foreach (var address in target.Contacted)
        {
            network.Send(address, message);
            target.MessagesSent++;
        }
    }
}
