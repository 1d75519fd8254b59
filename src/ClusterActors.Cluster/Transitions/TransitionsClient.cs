using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>Talks to the local transition supervisor by Ask; reads the sequencer's view when it can (it alone sees every acknowledgement as it comes).</summary>
/// <param name="supervisor">The local <c>/system/transitions</c>.</param>
/// <param name="supervisorAt">Resolves the supervisor of another node by its address.</param>
/// <param name="timeout">How long each ask may take.</param>
public sealed class TransitionsClient(IActorRef supervisor, Func<Address, IActorRef> supervisorAt, TimeSpan timeout) : ITransitionsClient
{
    /// <inheritdoc />
    public async Task<TransitionsSnapshot> GetTransitionsAsync(CancellationToken cancellationToken = default)
    {
        var local = await supervisor.Ask<TransitionsSnapshot>(GetTransitions.Instance, timeout, cancellationToken).ConfigureAwait(false);
        if (local.Sequencer is not { } sequencer || sequencer == local.AnsweredBy)
        {
            return local;
        }

        try
        {
            return await supervisorAt(sequencer.Address).Ask<TransitionsSnapshot>(GetTransitions.Instance, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is TimeoutException or AskTimeoutException)
        {
            return local with { Note = $"the sequencer {sequencer} did not answer within {timeout.TotalMilliseconds:0} ms; this is {local.AnsweredBy}'s copy, with acknowledgements as of the sequencer's last round" };
        }
    }

    /// <inheritdoc />
    public Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default) =>
        supervisor.Ask<MembershipCommandResult>(new LeaveGracefully(address), timeout, cancellationToken);

    /// <summary>Leaves gracefully and completes once every level on every member processed the leave (the node's shutdown waits on it).</summary>
    public Task<LeaveFinished> LeaveAndWaitAsync(TimeSpan within, CancellationToken cancellationToken = default) =>
        supervisor.Ask<LeaveFinished>(AwaitOwnLeave.Instance, within, cancellationToken);
}
