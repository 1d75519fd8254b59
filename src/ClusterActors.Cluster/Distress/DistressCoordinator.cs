using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Distress;

/// <summary>
/// <c>/system/distress</c> (SPEC S1–S6): keeps the dedicated sender's list of members current (and
/// their connections open), makes the membership give up every role once this node sent its
/// distress, and hands every distress from a member to the membership as proof of failure.
/// </summary>
/// <remarks>
/// It sends nothing itself: a dying node may not get to run an actor again, so the send happens on
/// the caller's thread or the sender's (<see cref="DistressSignal"/>); this actor only does what can
/// wait a moment.
/// </remarks>
public sealed class DistressCoordinator : ReceiveActor
{
    /// <summary>The coordinator's name under <c>/system</c>.</summary>
    public const string Name = "distress";

    private readonly ClusterMember self;
    private readonly DistressSender sender;
    private readonly Func<IActorRef> membership;
    private CommittedCluster cluster = CommittedCluster.None;

    /// <summary>Creates the coordinator of <paramref name="self"/>; it owns <paramref name="sender"/> and stops its thread when it stops.</summary>
    public DistressCoordinator(ClusterMember self, DistressSender sender, Func<IActorRef> membership)
    {
        this.self = self ?? throw new ArgumentNullException(nameof(self));
        this.sender = sender ?? throw new ArgumentNullException(nameof(sender));
        this.membership = membership ?? throw new ArgumentNullException(nameof(membership));

        Receive<MembershipChanged>(OnMembershipChanged);
        Receive<DistressReceived>(OnDistressReceived);
        Receive<DistressSent>(OnDistressSent);
        Receive<DistressWritten>(written => DistressLog.Written(Context.Log, this.self, written.Members));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(MembershipChanged));
        Context.System.EventStream.Subscribe(Self, typeof(DistressReceived));
        DistressLog.Ready(Context.Log, self, sender.Frame.Buffer.Length);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        sender.Dispose();
    }

    private void OnMembershipChanged(MembershipChanged changed)
    {
        if (changed.Self != self)
        {
            return;
        }

        cluster = changed.Cluster;
        sender.SetTargets(cluster.Members.Where(member => member != self).Select(member => member.Address));
    }

    private void OnDistressReceived(DistressReceived distress)
    {
        // SPEC S6: only a member's distress counts; the transport already checked that the frame came from the run it names.
        var run = cluster.Members.FirstOrDefault(member => member.NodeId == distress.NodeId && member.Incarnation == distress.Incarnation && member.Address == distress.From);
        if (run is null || run == self)
        {
            DistressLog.NotAMember(Context.Log, self, distress.NodeId, distress.Incarnation, distress.From, distress.Kind);
            return;
        }

        DistressLog.Received(Context.Log, self, run, distress.Kind, distress.Reason);
        membership().Tell(new MemberDistressed(run, distress.Kind, distress.Reason));
    }

    private void OnDistressSent(DistressSent sent)
    {
        DistressLog.Sent(Context.Log, self, sent.Way, sent.Kind, sent.Reason);
        membership().Tell(new OwnDistressSent(sent.Kind, sent.Reason));
        var me = Self;
        sender.Written.ContinueWith(task => me.Tell(new DistressWritten(task.Result)), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
