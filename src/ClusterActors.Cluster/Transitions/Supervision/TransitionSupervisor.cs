using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// The transition-ordering supervisor (SPEC T1–T10), one per node at <c>/system/transitions</c>: it
/// delivers each level's notices to the local subsystems registered there, gathers their
/// acknowledgements for the sequencer, and — on the crown prince — is the sequencer that moves every
/// transitional node from level to level once every member acknowledged.
/// </summary>
/// <remarks>
/// Membership decides who is in; this actor turns each change into ordered notices: a join committed
/// by the membership starts Joining, a member dropped by a reconfiguration is forced out, and a
/// graceful leave runs here first (top-down, while the node is still a member) and only then asks
/// the membership to let the node go.
/// </remarks>
public sealed partial class TransitionSupervisor : ReceiveActor
{
    /// <summary>The supervisor's name under <c>/system</c>.</summary>
    public const string Name = "transitions";

    private readonly ClusterMember self;
    private readonly IMembershipNetwork network;
    private readonly Func<IActorRef> membership;
    private readonly ITransitionTableJournal journal;
    private readonly LocalSubsystems subsystems = new();
    private readonly Dictionary<long, PendingNotice> notices = [];
    private readonly HashSet<TransitionStep> acknowledged = [];
    private readonly HashSet<TransitionStep> processing = [];
    private readonly List<IActorRef> ownLeaveWaiters = [];
    private CommittedCluster cluster = CommittedCluster.None;
    private TransitionTable table = TransitionTable.Empty;
    private TransitionSequencer? sequencer;
    private TakeOver? takeover;
    private ClusterMember? announcedTo;
    private long nextNoticeId = 1;
    private long messagesSent;
    private bool member;
    private bool ownLeaveFinished;
    private string? halted;

    /// <summary>Creates the supervisor of <paramref name="self"/>; <paramref name="membership"/> finds the coordinator (started after this actor) to let the node go once its graceful leave is over.</summary>
    public TransitionSupervisor(ClusterMember self, IMembershipNetwork network, Func<IActorRef> membership, ITransitionTableJournal journal)
    {
        this.self = self ?? throw new ArgumentNullException(nameof(self));
        this.network = network ?? throw new ArgumentNullException(nameof(network));
        this.membership = membership ?? throw new ArgumentNullException(nameof(membership));
        this.journal = journal ?? throw new ArgumentNullException(nameof(journal));

        Receive<RegisterSubsystem>(OnRegister);
        Receive<Terminated>(OnSubsystemStopped);
        Receive<MembershipChanged>(OnMembershipChanged);
        Receive<MembershipStopped>(OnMembershipStopped);
        Receive<TransitionRound>(OnRound);
        Receive<TransitionAcknowledged>(OnSubsystemAcknowledged);
        Receive<StepsAcknowledged>(Sequence);
        Receive<AnnounceRegistrations>(Sequence);
        Receive<RequestLeave>(Sequence);
        Receive<ShareTable>(request => Deliver(request.Sequencer, new SharedTable(self, request.Epoch, sequencer?.Table ?? table, subsystems.Describe(self))));
        Receive<SharedTable>(OnSharedTable);
        Receive<LeaveFinished>(OnLeaveFinished);
        Receive<RegistrationsRefused>(message => TransitionsLog.RegistrationsRefused(Context.Log, self, message.Reason));
        Receive<GetTransitions>(_ => Sender.Tell(Snapshot()));
        Receive<LeaveGracefully>(OnLeaveGracefully);
        Receive<AwaitOwnLeave>(OnAwaitOwnLeave);
        Receive<MembershipCommandResult>(result => TransitionsLog.MembershipAnswered(Context.Log, self, result.Outcome, result.Message));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(MembershipChanged));
        Context.System.EventStream.Subscribe(Self, typeof(MembershipStopped));
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private bool IsSequencer => sequencer is not null;

    private void OnRegister(RegisterSubsystem request)
    {
        var refusal = halted is not null ? $"this node halted: {halted}" : subsystems.Add(request, Sender);
        if (refusal is not null)
        {
            TransitionsLog.RegistrationRefused(Context.Log, self, request.Name, request.Level, refusal);
            Sender.Tell(new SubsystemRegistrationRefused(request.Name, request.Level, refusal));
            return;
        }

        Context.Watch(Sender);
        TransitionsLog.Registered(Context.Log, self, request.Name, request.Level, request.Barriers);
        Sender.Tell(new SubsystemRegistered(request.Name, request.Level));
        if (member)
        {
            // Registered after joining: it takes part in the steps that start from now on.
            Announce(force: true);
        }
    }

    private void OnSubsystemStopped(Terminated terminated)
    {
        if (!subsystems.Remove(terminated.ActorRef))
        {
            return;
        }

        // A stopped subsystem acknowledges nothing: the notices it held must not hang the cluster.
        foreach (var (id, notice) in notices.ToList())
        {
            if (notice.Waiting.Remove(terminated.ActorRef) && notice.Waiting.Count == 0)
            {
                Complete(id, notice);
            }
        }

        if (member)
        {
            Announce(force: true);
        }
    }

    private void OnMembershipChanged(MembershipChanged changed)
    {
        if (halted is not null || changed.Self != self)
        {
            return;
        }

        cluster = changed.Cluster;
        member = true;
        if (cluster.CrownPrince != self)
        {
            if (sequencer is not null && sequencer.Table.IsNewerThan(table))
            {
                // Handing over: the next sequencer asks for this copy, so it must be the newest this node wrote.
                table = sequencer.Table;
            }

            sequencer = null;
            takeover = null;
            Announce(force: false);
            return;
        }

        if (sequencer is not null)
        {
            Dispatch(sequencer.OnMembership(cluster, reissue: false));
            return;
        }

        var deferred = takeover?.Deferred ?? [];
        takeover = new TakeOver(cluster, table);
        takeover.Deferred.AddRange(deferred);
        takeover.Accept(self, cluster.Epoch, table, subsystems.Describe(self));
        foreach (var other in cluster.Members.Where(other => other != self))
        {
            Deliver(other, new ShareTable(self, cluster.Epoch));
        }

        FinishTakeOver();
    }

    private void OnSharedTable(SharedTable shared)
    {
        if (takeover is not null && takeover.Accept(shared.From, shared.Epoch, shared.Table, shared.Registrations))
        {
            FinishTakeOver();
        }
    }

    private void FinishTakeOver()
    {
        if (takeover is not { IsComplete: true } complete)
        {
            return;
        }

        takeover = null;
        if (complete.Newest.IsNewerThan(table))
        {
            table = complete.Newest;
        }

        sequencer = TransitionSequencer.TakeOver(complete.Newest);
        TransitionsLog.Sequencing(Context.Log, self, cluster.Epoch, complete.Newest.Epoch, complete.Newest.Sequence);
        Dispatch(sequencer.OnMembership(cluster, reissue: true, complete.Registrations));
        foreach (var message in complete.Deferred)
        {
            Sequence(message);
        }
    }

    private void OnMembershipStopped(MembershipStopped stopped)
    {
        if (stopped.Self != self || halted is not null)
        {
            return;
        }

        member = false;
        sequencer = null;
        takeover = null;
        announcedTo = null;
        if (!stopped.Excluded)
        {
            // Lost quorum: wait, touching nothing, until a cluster with quorum takes this node back.
            return;
        }

        // SPEC T9: forced out. Halt at once: no more notices, and the subsystems are told to stop touching shared resources.
        halted = stopped.Reason;
        TransitionsLog.Halted(Context.Log, self, stopped.Reason);
        foreach (var subsystem in subsystems.All)
        {
            subsystem.Actor.Tell(new TransitionsHalted(self, stopped.Reason));
        }

        notices.Clear();
        processing.Clear();
        Context.System.EventStream.Publish(new TransitionsHalted(self, stopped.Reason));
    }

    private void Announce(bool force)
    {
        if (cluster.CrownPrince is not { } crownPrince || (!force && announcedTo == crownPrince))
        {
            return;
        }

        announcedTo = crownPrince;
        var registrations = new AnnounceRegistrations(subsystems.Describe(self));
        Deliver(crownPrince, registrations);
    }

    /// <summary>Runs one sequencer input: deferred while taking over, ignored when this node is not the sequencer (it reached an old crown prince).</summary>
    private void Sequence(object message)
    {
        if (takeover is not null)
        {
            takeover.Deferred.Add(message);
            return;
        }

        if (sequencer is null || halted is not null)
        {
            TransitionsLog.NotSequencer(Context.Log, self, message);
            return;
        }

        switch (message)
        {
            case StepsAcknowledged acknowledged:
                Dispatch(sequencer.OnAcknowledged(acknowledged));
                break;
            case AnnounceRegistrations announced:
                Dispatch(sequencer.OnRegistrations(announced.Registrations));
                break;
            case RequestLeave request:
                var output = sequencer.OnLeaveRequest(request.Node, out var refusal);
                if (refusal is not null)
                {
                    TransitionsLog.LeaveRefused(Context.Log, self, request.Node, refusal);
                }

                Dispatch(output);
                break;
        }
    }

    private void Dispatch(SequencerOutput output)
    {
        if (sequencer is null)
        {
            return;
        }

        var latest = sequencer.Table;
        var rounds = output.Rounds.IsEmpty && output.TableChanged
            ? [new SequencerRound(-1, [])]
            : output.Rounds;
        foreach (var round in rounds)
        {
            var message = new TransitionRound(self, round.Level, round.Steps, latest);
            foreach (var target in cluster.Members)
            {
                Deliver(target, message);
            }
        }

        foreach (var finished in output.LeavesFinished)
        {
            Deliver(finished, new LeaveFinished(finished));
        }

        foreach (var (node, reason) in output.Refusals)
        {
            TransitionsLog.RegistrationsRefused(Context.Log, node, reason);
            Deliver(node, new RegistrationsRefused(node, reason));
        }
    }

    private void Deliver(ClusterMember target, object message)
    {
        if (target == self)
        {
            Self.Tell(message);
        }
        else
        {
            messagesSent++;
            network.Send(target.Address, message);
        }
    }

    private void OnRound(TransitionRound round)
    {
        if (halted is not null)
        {
            return;
        }

        if (round.Table.IsNewerThan(table))
        {
            table = round.Table;
            journal.Record(self, table);
            ApplyOwnDeregistrations();
        }
        else if (round.Table.Epoch < table.Epoch)
        {
            // A round of a sequencer that has been replaced: its steps are re-issued by the new one.
            TransitionsLog.StaleRound(Context.Log, self, round.Sequencer, round.Table.Epoch, table.Epoch);
            return;
        }

        if (round.Steps.IsEmpty)
        {
            return;
        }

        var again = new List<TransitionStep>();
        var fresh = new List<TransitionStep>();
        foreach (var step in round.Steps)
        {
            var key = step with { Renotification = false };
            if (acknowledged.Contains(key))
            {
                again.Add(key);
            }
            else if (processing.Add(key))
            {
                fresh.Add(step);
            }
        }

        if (again.Count > 0)
        {
            Deliver(round.Sequencer, new StepsAcknowledged(self, [.. again]));
        }

        if (fresh.Count > 0)
        {
            Notify(round.Level, [.. fresh]);
        }
    }

    /// <summary>Delivers one notice to every local subsystem at <paramref name="level"/> (SPEC T4: the level acknowledges once all of them did).</summary>
    private void Notify(int level, ImmutableArray<TransitionStep> steps)
    {
        var targets = subsystems.At(level).ToList();
        var id = nextNoticeId++;
        var pending = new PendingNotice(steps, targets.Select(target => target.Actor));
        notices[id] = pending;
        if (targets.Count == 0)
        {
            // Nothing here processes this level (its subsystem stopped): acknowledge so the cluster moves on.
            Complete(id, pending);
            return;
        }

        var notice = new TransitionNotice(id, level, [.. steps.Select(step => Describe(step, level))], NodeStates());
        foreach (var target in targets)
        {
            target.Actor.Tell(notice, Self);
        }

        TransitionsLog.Notified(Context.Log, self, level, targets.Count, steps);
    }

    private NodeTransition Describe(TransitionStep step, int level)
    {
        var barriers = table.Levels.FirstOrDefault(definition => definition.Level == level)?.Barriers ?? TransitionBarriers.One;
        var state = step.Kind switch
        {
            TransitionKind.Join => NodeTransitionState.Joining,
            TransitionKind.Leave => NodeTransitionState.Leaving,
            _ => NodeTransitionState.ForcedLeaving,
        };
        return new NodeTransition(step.Node, step.Kind, state, step.Barrier, barriers.For(step.Kind), step.Renotification);
    }

    private ImmutableArray<NodeStateEntry> NodeStates() => [.. table.Entries.Select(entry => new NodeStateEntry(entry.Run, entry.State))];

    private void OnSubsystemAcknowledged(TransitionAcknowledged acknowledgement)
    {
        if (!notices.TryGetValue(acknowledgement.NoticeId, out var notice) || !notice.Waiting.Remove(Sender))
        {
            TransitionsLog.UnexpectedAcknowledgement(Context.Log, self, acknowledgement.NoticeId, Sender.Path);
            return;
        }

        if (notice.Waiting.Count == 0)
        {
            Complete(acknowledgement.NoticeId, notice);
        }
    }

    private void Complete(long id, PendingNotice notice)
    {
        notices.Remove(id);
        var keys = notice.Steps.Select(step => step with { Renotification = false }).ToImmutableArray();
        foreach (var key in keys)
        {
            processing.Remove(key);
            acknowledged.Add(key);
        }

        ForgetSettledSteps();
        if (cluster.CrownPrince is { } sequencerRun && member)
        {
            Deliver(sequencerRun, new StepsAcknowledged(self, keys));
        }
    }

    /// <summary>Acknowledged steps are kept to answer a repeated round; those of nodes that moved on are dropped so the set stays small.</summary>
    private void ForgetSettledSteps()
    {
        if (acknowledged.Count < 64)
        {
            return;
        }

        acknowledged.RemoveWhere(step => table.Find(step.Node.NodeId) is not { } entry || entry.Run != step.Node || entry.Kind != step.Kind);
    }

    /// <summary>SPEC T10: each level of this node that finished its graceful leave is told so and gets no further notices.</summary>
    private void ApplyOwnDeregistrations()
    {
        if (table.Find(self.NodeId) is not { } own || own.Run != self)
        {
            return;
        }

        foreach (var level in own.Deregistered)
        {
            foreach (var subsystem in subsystems.Deregister(level))
            {
                TransitionsLog.Deregistered(Context.Log, self, subsystem.Name, level);
                subsystem.Actor.Tell(new SubsystemDeregistered(subsystem.Name, level));
            }
        }
    }

    private void OnLeaveFinished(LeaveFinished finished)
    {
        if (finished.Node != self || ownLeaveFinished)
        {
            return;
        }

        ownLeaveFinished = true;
        TransitionsLog.LeaveFinished(Context.Log, self);
        Context.System.EventStream.Publish(finished);
        membership().Tell(new LeaveNode(self.Address), Self);
        foreach (var waiter in ownLeaveWaiters)
        {
            waiter.Tell(finished);
        }

        ownLeaveWaiters.Clear();
    }

    private void OnLeaveGracefully(LeaveGracefully request)
    {
        if (!member || cluster.CrownPrince is not { } crownPrince)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.Refused, $"{self} is not a member of a cluster with quorum, so there is nobody to order a graceful leave."));
            return;
        }

        var leaving = cluster.Members.FirstOrDefault(candidate => candidate.Address.Equals(request.Address));
        if (leaving is null)
        {
            Sender.Tell(new MembershipCommandResult(MembershipCommandOutcome.NotFound, $"Member [{request.Address}] not found"));
            return;
        }

        Deliver(crownPrince, new RequestLeave(leaving, self));
        Sender.Tell(new MembershipCommandResult(
            MembershipCommandOutcome.Accepted,
            $"Graceful leave of {leaving} requested: it is notified level by level, top-down, and then leaves the membership."));
    }

    private void OnAwaitOwnLeave(AwaitOwnLeave request)
    {
        if (ownLeaveFinished || !member)
        {
            Sender.Tell(new LeaveFinished(self));
            return;
        }

        ownLeaveWaiters.Add(Sender);
        if (cluster.CrownPrince is { } crownPrince)
        {
            Deliver(crownPrince, new RequestLeave(self, self));
        }
    }

    private TransitionsSnapshot Snapshot()
    {
        // The sequencer's own table is the live one (its rounds to itself are still in the mailbox).
        var latest = sequencer?.Table ?? table;
        return new(
            self,
            member ? cluster.CrownPrince : null,
            cluster.Epoch,
            [.. latest.Levels.Select(level => new TransitionLevelView(level.Level, level.Subsystems, level.Barriers))],
            [.. latest.Entries.Select(entry => new NodeTransitionView(
                entry.NodeId,
                entry.Run,
                entry.State,
                entry.Kind,
                entry.CurrentLevel,
                entry.CurrentLevel is null ? null : entry.Barrier,
                entry.Acknowledged,
                entry.Awaiting,
                entry.Deregistered,
                entry.Note))],
            halted is not null ? $"halted: {halted}" : IsSequencer || !member ? null : "the acknowledgements are as of the sequencer's last round",
            messagesSent);
    }
}
