using System.Collections.Immutable;
using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>The coordinator's side of the protocol with other coordinators: reconfiguration messages, proposals, exclusion notices, and what the heartbeat detector reports.</summary>
public sealed partial class MembershipCoordinator
{
    private void OnReconfigure(Reconfigure message)
    {
        if (Silent || message.Sender == self)
        {
            return;
        }

        if (excludedRuns.Contains(message.Sender))
        {
            network.Send(message.Sender.Address, new Excluded(current.Epoch, message.Sender, self, "this run was excluded from the cluster earlier"));
            return;
        }

        lastRunHeardAt[message.Sender.Address] = message.Sender;
        if (!message.Departing.IsDefault && message.Departing.Contains(self) && message.Sender != self)
        {
            Stop(round, $"downed by {message.Sender}", excluded: true);
            return;
        }

        highestEpochSeen = Math.Max(highestEpochSeen, message.Epoch);
        if (round is { } active)
        {
            if (message.Epoch > active.Epoch && CanStillAgree(active, message.Sender))
            {
                deferred.Add(message);
            }
            else if (message.Epoch > active.Epoch)
            {
                Absorb(StartRound(message.Epoch, $"{message.Sender} reconfigures at epoch {message.Epoch}", message.Departing.IsDefault ? null : message.Departing), message);
            }
            else if (message.Epoch == active.Epoch)
            {
                Absorb(active, message);
            }
            else
            {
                // A straggler: tell it which round is on, so it moves up to it.
                active.Await([message.Sender.Address]);
                if (!active.MarkContacted(message.Sender.Address) && active.Phase != RoundPhase.Presence)
                {
                    active.LatePetitioners.Add(message.Sender.Address);
                }

                network.Send(message.Sender.Address, ReconfigureFor(active));
            }

            return;
        }

        if (message.Epoch > lastRoundEpoch && message.Epoch > current.Epoch)
        {
            Absorb(StartRound(message.Epoch, $"{message.Sender} reconfigures at epoch {message.Epoch}", message.Departing.IsDefault ? null : message.Departing), message);
        }
        else if (!current.Contains(message.Sender))
        {
            // A petition from a non-member in an old epoch (a node that just started): the petitioned side opens the round (SPEC M5).
            extraSeeds.Add(message.Sender.Address);
            var opened = StartRound(NextEpoch(), $"petition from {message.Sender}");

            // The petition itself shows the petitioner is there; it will answer this round's epoch too.
            Absorb(opened, message);
        }
    }

    private void OnProposal(Proposal proposal)
    {
        if (Silent || proposal.Sender == self)
        {
            return;
        }

        if (excludedRuns.Contains(proposal.Sender))
        {
            network.Send(proposal.Sender.Address, new Excluded(current.Epoch, proposal.Sender, self, "this run was excluded from the cluster earlier"));
            return;
        }

        lastRunHeardAt[proposal.Sender.Address] = proposal.Sender;

        highestEpochSeen = Math.Max(highestEpochSeen, proposal.Epoch);
        var target = round;
        if (target is not null && proposal.Epoch > target.Epoch && CanStillAgree(target, proposal.Sender))
        {
            deferred.Add(proposal);
            return;
        }

        if (target is null || proposal.Epoch > target.Epoch)
        {
            if (proposal.Epoch <= lastRoundEpoch || proposal.Epoch <= current.Epoch)
            {
                return;
            }

            target = StartRound(proposal.Epoch, $"{proposal.Sender} proposes at epoch {proposal.Epoch}");
        }

        if (proposal.Epoch != target.Epoch)
        {
            return;
        }

        target.Receive(proposal);
        if (target.Phase == RoundPhase.Presence)
        {
            // A proposal is also proof that its sender is there.
            Absorb(target, new Reconfigure(proposal.Epoch, proposal.Sender, proposal.Base, [], []));
        }

        CheckTally(target);
    }

    private void OnExcluded(Excluded message)
    {
        if (Silent || message.Run != self)
        {
            return;
        }

        // Only a cluster at least as new as ours can exclude us; an old notice (a delayed duplicate) is ignored.
        if (message.Epoch >= current.Epoch && (current.Contains(message.By) || message.Epoch > current.Epoch))
        {
            Stop(round, $"excluded by {message.By} at epoch {message.Epoch}: {message.Reason}", excluded: true);
        }
    }

    private void OnUnreachable(MembersUnreachable message)
    {
        foreach (var member in message.Members.Where(current.Contains))
        {
            unreachable.Add(member);
        }

        if (round is null && status == MembershipStatus.Up && unreachable.Count > 0)
        {
            StartRound(NextEpoch(), $"no keep-alive from {Describe(unreachable)} within {settings.CommunicationTimeout.TotalMilliseconds} ms");
        }
    }

    private void OnPeerEpoch(PeerEpochDiffers message)
    {
        if (round is null && !Silent && status is MembershipStatus.Up && message.Epoch > current.Epoch)
        {
            StartRound(NextEpoch(), $"{message.Member} is at epoch {message.Epoch}, this node at {current.Epoch}");
        }
    }

    /// <summary>
    /// True when the round is past presence and <paramref name="movedOn"/>, now in a newer round, is not
    /// a member this round still waits for: then the round may yet agree, and the newer round's messages
    /// wait for it to end. A round whose awaited member has moved on can never agree and is left at once.
    /// </summary>
    private static bool CanStillAgree(ReconfigurationRound active, ClusterMember movedOn) =>
        active.Phase != RoundPhase.Presence
        && (!active.Proposed.Contains(movedOn) || active.Proposals.ContainsKey(movedOn));
}
