namespace ClusterActors.Actors;

/// <summary>The stash of one actor instance; unstashed messages go to the cell's priority queue ahead of the mailbox.</summary>
internal sealed class StashBuffer(ActorCell cell) : IStash
{
    private readonly LinkedList<Envelope> stashed = new();
    private long lastStashedInvocation = -1;

    public int Count => stashed.Count;

    public void Stash()
    {
        if (cell.CurrentInvocation == lastStashedInvocation)
        {
            throw new InvalidOperationException($"Actor {cell.Self.Path} tried to stash the same message twice.");
        }

        if (cell.CurrentMessage is null)
        {
            throw new InvalidOperationException($"Actor {cell.Self.Path} can only stash while processing a message.");
        }

        lastStashedInvocation = cell.CurrentInvocation;
        stashed.AddLast(new Envelope(cell.CurrentMessage, cell.CurrentSenderOrNull));
    }

    public void Unstash()
    {
        if (stashed.First is { } first)
        {
            stashed.RemoveFirst();
            cell.PrependUnstashed([first.Value]);
        }
    }

    public void UnstashAll()
    {
        if (stashed.Count == 0)
        {
            return;
        }

        var all = stashed.ToArray();
        stashed.Clear();
        cell.PrependUnstashed(all);
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = stashed.Select(e => e.Message!).ToArray();
        stashed.Clear();
        return messages;
    }

    /// <summary>Takes everything out (for restart, to keep it; for stop, to dead-letter it).</summary>
    internal Envelope[] TakeAll()
    {
        var all = stashed.ToArray();
        stashed.Clear();
        return all;
    }
}
