using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Persistence.Devices;

namespace ClusterActors.Cluster.Membership;

/// <summary>
/// The membership coordinator (SPEC M1–M10), one per node at <c>/system/membership</c>: joins, leaves
/// and failures become reconfigurations that commit a new cluster only on unanimous agreement and with
/// quorum relative to the previous cluster; excluded members are fenced off the shared devices.
/// </summary>
/// <remarks>
/// A reconfiguration has two phases, as in US 6,108,699: every participant tells every node it knows
/// that it is there (<see cref="Reconfigure"/>) and forms its prospective cluster from those it hears
/// within the timeout; then every participant sends that prospective cluster to its members
/// (<see cref="Proposal"/>) and commits only if all of them proposed the same one. Each node decides
/// by itself from the same messages, so there is no leader to lose.
/// </remarks>
public sealed partial class MembershipCoordinator : ReceiveActor
{
    /// <summary>The coordinator's name under <c>/system</c>.</summary>
    public const string Name = "membership";

    private readonly MembershipSettings settings;
    private readonly ClusterMember self;
    private readonly IMembershipNetwork network;
    private readonly IQuorumDeviceStore devices;
    private readonly IActorRef heartbeat;
    private readonly Random random;
    private readonly RememberedRuns excludedRuns = new();
    private readonly RememberedRuns distressedRuns = new();
    private readonly Dictionary<ClusterMember, long> joinedEpochs = [];
    private readonly HashSet<ClusterMember> unreachable = [];
    private readonly HashSet<Address> extraSeeds = [];
    // The last run not excluded that spoke from each address: a distressed run's address is not awaited
    // only until another run speaks from there (SPEC S6).
    private readonly Dictionary<Address, ClusterMember> lastRunHeardAt = [];
    private CommittedCluster current = CommittedCluster.None;
    private MembershipStatus status = MembershipStatus.Joining;
    private string? reason = "starting";
    private bool excludedSelf;
    private string? distressSent;
    private long highestEpochSeen;
    private long lastRoundEpoch;
    private ReconfigurationRound? round;
    private int roundsTimedOut;

    // Messages of a newer round that arrived while this node was proposing or deciding: handled when
    // the current round ends. Abandoning a round that is nearly agreed for every newer petition would
    // let a stream of petitioners (or a burst of retries) keep any round from ever finishing.
    private readonly List<object> deferred = [];

    /// <summary>Creates the coordinator of <paramref name="self"/>; <paramref name="heartbeat"/> is told whom to watch.</summary>
    public MembershipCoordinator(MembershipSettings settings, ClusterMember self, IMembershipNetwork network, IQuorumDeviceStore devices, IActorRef heartbeat)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        this.self = self ?? throw new ArgumentNullException(nameof(self));
        this.network = network ?? throw new ArgumentNullException(nameof(network));
        this.devices = devices ?? throw new ArgumentNullException(nameof(devices));
        this.heartbeat = heartbeat ?? throw new ArgumentNullException(nameof(heartbeat));
        // HashCode.Combine is salted per process; a simulated run must replay, so the mix is plain arithmetic.
        random = new Random(unchecked(settings.RandomSeed * 397 ^ (int)self.Incarnation ^ (int)(self.Incarnation >> 32)));

        Receive<Reconfigure>(OnReconfigure);
        Receive<Proposal>(OnProposal);
        Receive<PresenceTimedOut>(OnPresenceTimedOut);
        Receive<ProposalsTimedOut>(OnProposalsTimedOut);
        ReceiveAsync<DecideRound>(Decide);
        Receive<RetryJoin>(_ => OnRetry());
        Receive<Excluded>(OnExcluded);
        Receive<PleaseLeave>(_ => BeginLeave($"asked by {Sender.Path.Address}"));
        Receive<MembersUnreachable>(OnUnreachable);
        Receive<MemberReachable>(message => unreachable.Remove(message.Member));
        Receive<PeerEpochDiffers>(OnPeerEpoch);
        Receive<GetClusterState>(_ => Sender.Tell(Snapshot()));
        Receive<JoinNode>(OnJoinNode);
        Receive<LeaveNode>(OnLeaveNode);
        Receive<DownNode>(OnDownNode);
        Receive<MemberDistressed>(OnMemberDistressed);
        Receive<OwnDistressSent>(OnOwnDistressSent);
    }

    /// <summary>
    /// The wait of each phase: the configured timeout, doubled after each phase that ran out of time
    /// since the last commit (at most 8×), back to the configured value after a commit. A cluster so
    /// loaded that answers take longer than the timeout would otherwise abort every round.
    /// </summary>
    private TimeSpan PhaseTimeout => settings.ReconfigurationTimeout * (1 << Math.Min(roundsTimedOut, 3));

    private bool Silent => excludedSelf || distressSent is not null || status == MembershipStatus.Left;

    private bool IsMember => current.Contains(self);

    private void OnPresenceTimedOut(PresenceTimedOut timeout)
    {
        if (round is { Phase: RoundPhase.Presence } target && target.Epoch == timeout.Epoch)
        {
            roundsTimedOut++;
            ClosePresence(target);
        }
    }

    private void OnProposalsTimedOut(ProposalsTimedOut timeout)
    {
        if (round is { Phase: RoundPhase.Proposing } target && target.Epoch == timeout.Epoch)
        {
            var waited = PhaseTimeout;
            roundsTimedOut++;
            Abort(target, $"no proposal from {Describe(target.Proposed.Where(member => member != self && !target.Proposals.ContainsKey(member)))} within {waited.TotalMilliseconds} ms");
        }
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        var others = Seeds().ToList();
        if (others.Count == 0)
        {
            // No one to ask, by configuration: the node is a cluster of one from the start.
            MembershipLog.FormingAlone(Context.Log, self);
            Commit(new ReconfigurationRound(1, self, "no seed nodes"), CommittedCluster.Of(1, [self]).Members);
            return;
        }

        StartRound(NextEpoch(), "joining: petitioning the seed nodes");
    }

    private IEnumerable<Address> Seeds() =>
        settings.SeedNodes.Concat(extraSeeds).Where(address => address != self.Address).Distinct();

    private long NextEpoch() => Math.Max(Math.Max(current.Epoch, highestEpochSeen), lastRoundEpoch) + 1;

    private ReconfigurationRound StartRound(long epoch, string trigger, IEnumerable<ClusterMember>? departing = null)
    {
        Context.Timers.CancelAll();
        if (IsMember && status == MembershipStatus.Up)
        {
            status = MembershipStatus.Reconfiguring;
        }

        var started = new ReconfigurationRound(epoch, self, trigger);
        round = started;
        highestEpochSeen = Math.Max(highestEpochSeen, epoch);
        started.AddDeparting(departing ?? []);
        started.Know(current, address => lastRunHeardAt.GetValueOrDefault(address));

        // Every round carries the distresses this node knows, so a round after an aborted one still
        // counts them as departed, and peers that missed a distress learn it (SPEC S6).
        started.AddDistressed(distressedRuns.Runs);
        MembershipLog.RoundStarted(Context.Log, self, epoch, trigger);

        // Everyone that may be a member: the current cluster, the seeds, and (added as they are heard) petitioners.
        var targets = current.Members.Select(member => member.Address).Concat(Seeds()).ToList();
        started.Await(targets);
        Contact(started, targets);
        Context.Timers.StartSingleTimer(started, new PresenceTimedOut(epoch), PhaseTimeout);
        return started;
    }

    private void Contact(ReconfigurationRound target, IEnumerable<Address> addresses)
    {
        var message = ReconfigureFor(target);
        foreach (var address in addresses)
        {
            if (target.MarkContacted(address))
            {
                network.Send(address, message);
                target.MessagesSent++;
            }
        }
    }

    /// <summary>
    /// This node's reconfiguration message for a round. It names as departing not only the runs leaving
    /// in this round but every run this node saw excluded: a node that missed that commit (it was cut
    /// off) would otherwise keep proposing the excluded run and no round could ever agree.
    /// </summary>
    private Reconfigure ReconfigureFor(ReconfigurationRound target) =>
        new(target.Epoch, self, current, [.. target.Departing.Union(excludedRuns.Runs)], [.. target.Distressed]);

    private void Absorb(ReconfigurationRound target, Reconfigure message)
    {
        target.Hear(message);
        var distressed = message.Distressed.IsDefault ? [] : message.Distressed;
        RememberDistressed(distressed);
        if (target.Phase != RoundPhase.Presence && distressed.FirstOrDefault(run => target.Proposed.Contains(run) && !target.Proposals.ContainsKey(run)) is { } failed)
        {
            // This round waits for the proposal of a run that failed (SPEC S6): it can never agree.
            StartRound(NextEpoch(), $"{message.Sender} reports that {failed} sent a distress signal", [failed]);
            return;
        }

        var learned = message.SenderCluster.Members.Select(member => member.Address).Append(message.Sender.Address).ToList();
        target.Await(learned);
        Contact(target, learned);
        if (target.Phase == RoundPhase.Presence && target.EveryoneAnswered)
        {
            ClosePresence(target);
        }
    }

    private void ClosePresence(ReconfigurationRound target)
    {
        Context.Timers.Cancel(target);
        var silent = target.Silent.ToList();
        target.ClosePresence(current, excludedRuns.Runs);
        MembershipLog.PresenceClosed(Context.Log, self, target.Epoch, target.Proposed, target.Base, silent.Count);

        if (!target.HeardAnyone && target.Base.IsEmpty)
        {
            // SPEC M3: isolated and sole member look the same; the policy decides.
            if (settings.IsolationPolicy == IsolationPolicy.Refuse)
            {
                Abort(target, $"isolated: none of the seed nodes [{string.Join(", ", Seeds())}] answered within {PhaseTimeout.TotalMilliseconds} ms (isolation-policy = refuse)");
                return;
            }
        }

        var proposal = new Proposal(target.Epoch, self, target.Base, target.Proposed);
        foreach (var member in target.Proposed.Where(member => member != self))
        {
            network.Send(member.Address, proposal);
            target.MessagesSent++;
        }

        Context.Timers.StartSingleTimer(target, new ProposalsTimedOut(target.Epoch), PhaseTimeout);
        CheckTally(target);
    }

    private void CheckTally(ReconfigurationRound target)
    {
        if (target.Phase != RoundPhase.Proposing)
        {
            return;
        }

        var (complete, dissent) = target.Tally();
        if (dissent is not null)
        {
            Abort(target, $"{dissent.Sender} proposed {Describe(dissent.Members)} on {CommittedCluster.Describe(dissent.Base)}, this node {Describe(target.Proposed)} on {CommittedCluster.Describe(target.Base)}", dissent);
        }
        else if (complete)
        {
            Context.Timers.Cancel(target);
            target.StartDeciding();
            Self.Tell(new DecideRound(target.Epoch));
        }
    }

    private async Task Decide(DecideRound decide)
    {
        if (round is not { Phase: RoundPhase.Deciding } target || target.Epoch != decide.Epoch)
        {
            return;
        }

        // Distressed runs failed (SPEC S6): quorum is judged against the base without them.
        var judged = QuorumRule.WithoutDistressed(target.Base, target.Distressed);
        var verdict = QuorumRule.Judge(target.Base, target.Proposed, target.Distressed);
        var won = QuorumRule.GrantsQuorum(verdict);
        var why = verdict.ToString();
        if (verdict == QuorumVerdict.RaceForDevice)
        {
            (won, why) = await Race(target, judged);
        }

        if (round != target)
        {
            return;
        }

        if (!won)
        {
            Stop(target, $"no quorum at epoch {target.Epoch}: {Describe(target.Proposed)} against {CommittedCluster.Describe(target.Base)} ({why})", excluded: false);
            return;
        }

        await Fence(target);
        if (round == target)
        {
            Commit(target, target.Proposed);
        }
    }

    /// <summary>SPEC M8 for a previous pair (<paramref name="judged"/>: the base less distressed runs): the survivor reserves the device the pair shares, or the configured winner decides.</summary>
    private async Task<(bool Won, string Why)> Race(ReconfigurationRound target, CommittedCluster judged)
    {
        var pair = judged.Members;
        var survivor = pair.First(member => target.Proposed.Any(proposed => proposed.NodeId == member.NodeId));
        var device = settings.Devices.DeviceSharedBy(pair[0].NodeId, pair[1].NodeId);
        if (device is null)
        {
            var winner = settings.Devices.NoDeviceWinner;
            var wins = winner switch
            {
                QuorumDeviceSettings.CrownPrinceWins => survivor == judged.CrownPrince,
                QuorumDeviceSettings.NobodyWins => false,
                _ => string.Equals(winner, survivor.NodeId, StringComparison.Ordinal),
            };
            return (wins, $"no shared device; no-device-winner = {winner}");
        }

        try
        {
            // The race is for the succession of the previous pair, so it is keyed by that pair's epoch, not by
            // this round's: a later round of the loser would otherwise find an "older" reservation and win too.
            var outcome = await devices.TryReserveAsync(device, survivor.NodeId, target.Base.Epoch);
            MembershipLog.Race(Context.Log, self, device, target.Base.Epoch, outcome.Reserved, outcome.Holder.HolderNodeId);
            return (outcome.Reserved, outcome.Reserved ? $"reserved device {device}" : $"device {device} is held by {outcome.Holder.HolderNodeId} since epoch {outcome.Holder.Epoch}");
        }
#pragma warning disable CA1031 // A device that cannot be reached loses the race; the node must not crash for it.
        catch (Exception error)
#pragma warning restore CA1031
        {
            MembershipLog.DeviceFailed(Context.Log, error, self, device, "reserve");
            return (false, $"device {device} could not be reserved: {error.Message}");
        }
    }

    /// <summary>SPEC M9: fence every dropped member off each device it shares with a member of the new cluster; readmit joiners.</summary>
    private async Task Fence(ReconfigurationRound target)
    {
        var dropped = target.Base.Members.Where(member => !target.Proposed.Contains(member)).ToList();
        var joiners = target.Proposed.Where(member => !target.Base.Contains(member)).ToList();
        foreach (var definition in settings.Devices.Devices)
        {
            var shared = target.Proposed.Any(member => definition.IsSharedBy(member.NodeId));
            if (!shared)
            {
                continue;
            }

            try
            {
                foreach (var member in dropped.Where(member => definition.IsSharedBy(member.NodeId) && !target.Proposed.Any(m => m.NodeId == member.NodeId)))
                {
                    await devices.FenceAsync(definition.Id, member.NodeId, self.NodeId, target.Epoch);
                }

                foreach (var member in joiners.Where(member => definition.IsSharedBy(member.NodeId)))
                {
                    await devices.UnfenceAsync(definition.Id, member.NodeId, target.Epoch);
                }
            }
#pragma warning disable CA1031 // Fencing is retried by every member of the new cluster; one failure is logged, not fatal.
            catch (Exception error)
#pragma warning restore CA1031
            {
                MembershipLog.DeviceFailed(Context.Log, error, self, definition.Id, "fence");
            }
        }
    }

    private void Commit(ReconfigurationRound target, ImmutableArray<ClusterMember> members)
    {
        Context.Timers.CancelAll();
        var previous = current;
        current = new CommittedCluster(target.Epoch, members);
        lastRoundEpoch = Math.Max(lastRoundEpoch, target.Epoch);
        highestEpochSeen = Math.Max(highestEpochSeen, target.Epoch);
        round = null;
        roundsTimedOut = 0;
        ReplayDeferred();
        status = MembershipStatus.Up;
        reason = null;
        foreach (var member in members)
        {
            joinedEpochs.TryAdd(member, target.Epoch);
        }

        var dropped = previous.IsEmpty ? [] : previous.Members.Where(member => !current.Contains(member)).ToList();
        foreach (var member in dropped)
        {
            joinedEpochs.Remove(member);
            unreachable.Remove(member);
            // Not quarantined, and not told now: a run cut off by a partition would never hear that it is
            // out (the transport drops a quarantined run's handshake without a word) and could not stop; a
            // crashed run would keep the transport redialing for a notice nobody reads. An excluded run
            // learns it the moment it speaks to any member again (an Excluded reply, or itself named as
            // departing), which is when it matters.
            excludedRuns.Add(member);
        }

        unreachable.RemoveWhere(member => !current.Contains(member));
        heartbeat.Tell(new MonitorMembers(current));
        MembershipLog.Committed(Context.Log, self, current.Epoch, current.Members.Length, current.Members, target.MessagesSent);
        Context.System.EventStream.Publish(new MembershipChanged(current, previous, self, target.MessagesSent));

        if (target.LatePetitioners.Count > 0)
        {
            foreach (var address in target.LatePetitioners)
            {
                extraSeeds.Add(address);
            }

            StartRound(NextEpoch(), $"petition of {string.Join(", ", target.LatePetitioners)} arrived after presence closed");
        }
    }

    /// <summary>Hands the newer-round messages held back during the round that just ended to this actor again, in order.</summary>
    private void ReplayDeferred()
    {
        foreach (var message in deferred)
        {
            Self.Tell(message, Self);
        }

        deferred.Clear();
    }

    private void Abort(ReconfigurationRound target, string why, Proposal? dissent = null)
    {
        Context.Timers.Cancel(target);
        lastRoundEpoch = Math.Max(lastRoundEpoch, target.Epoch);
        round = null;
        ReplayDeferred();
        var excludedByDissent = dissent is not null && !dissent.Members.Contains(self);
        MembershipLog.Aborted(Context.Log, self, target.Epoch, why);

        if (IsMember && target.Base.SameAs(current) && target.KeepsAll(current) && !excludedByDissent && status != MembershipStatus.Stopped)
        {
            // SPEC M4/M5: a refused petition leaves the cluster as it was.
            status = MembershipStatus.Up;
            reason = $"last petition refused at epoch {target.Epoch}: {why}";
            RetryLater(target);
            return;
        }

        if (!IsMember)
        {
            status = MembershipStatus.Joining;
            reason = $"join attempt at epoch {target.Epoch} aborted: {why}";
            ScheduleRetry();
            return;
        }

        Stop(target, $"reconfiguration at epoch {target.Epoch} aborted: {why}", excluded: false);
    }

    /// <summary>A member whose round failed retries only for nodes that came late; the others will petition again themselves.</summary>
    private void RetryLater(ReconfigurationRound target)
    {
        foreach (var address in target.LatePetitioners)
        {
            extraSeeds.Add(address);
        }
    }

    private void Stop(ReconfigurationRound? target, string why, bool excluded)
    {
        if (target is not null)
        {
            Context.Timers.Cancel(target);
            lastRoundEpoch = Math.Max(lastRoundEpoch, target.Epoch);
        }

        round = null;
        ReplayDeferred();
        var wasStopped = status == MembershipStatus.Stopped && excludedSelf == excluded;
        status = MembershipStatus.Stopped;
        reason = why;
        excludedSelf |= excluded;
        if (!wasStopped)
        {
            MembershipLog.Stopped(Context.Log, self, why);
            heartbeat.Tell(new MonitorMembers(CommittedCluster.None));
            Context.System.EventStream.Publish(new MembershipStopped(self, current.Epoch, why, excluded));
        }

        if (!excludedSelf)
        {
            ScheduleRetry();
        }
    }

    private void ScheduleRetry()
    {
        // Jitter, so that nodes that failed together do not petition in lockstep forever.
        var delay = settings.JoinRetryInterval * (0.5 + random.NextDouble());
        Context.Timers.StartSingleTimer(RetryJoin.Instance, RetryJoin.Instance, delay);
    }

    private void OnRetry()
    {
        if (round is null && !Silent && status is MembershipStatus.Joining or MembershipStatus.Stopped)
        {
            StartRound(NextEpoch(), status == MembershipStatus.Joining ? "joining: petitioning again" : "no quorum: petitioning again");
        }
    }
}
