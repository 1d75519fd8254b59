namespace ClusterActors.Remoting;

/// <summary>The queue of one peer: a system lane, always drained first and never full, and a bounded lane of ordinary messages.</summary>
/// <remarks>Not thread-safe: its association guards it with its lock.</remarks>
internal sealed class OutboundLanes
{
    private readonly Queue<OutboundEnvelope> system = new();
    private readonly Queue<OutboundEnvelope> ordinary = new();
    private readonly int capacity;

    public OutboundLanes(int capacity) => this.capacity = capacity;

    public int Count => system.Count + ordinary.Count;

    public int Capacity => capacity;

    /// <summary>Queues <paramref name="envelope"/>; false when it is ordinary and its lane is full.</summary>
    public bool TryAdd(OutboundEnvelope envelope)
    {
        if (envelope.IsSystem)
        {
            system.Enqueue(envelope);
            return true;
        }

        if (ordinary.Count >= capacity)
        {
            return false;
        }

        ordinary.Enqueue(envelope);
        return true;
    }

    /// <summary>Moves up to <paramref name="batch"/>.Length envelopes, system ones first, into <paramref name="batch"/>.</summary>
    public int Take(OutboundEnvelope?[] batch)
    {
        var taken = 0;
        while (taken < batch.Length && system.TryDequeue(out var envelope))
        {
            batch[taken++] = envelope;
        }

        while (taken < batch.Length && ordinary.TryDequeue(out var envelope))
        {
            batch[taken++] = envelope;
        }

        return taken;
    }

    /// <summary>Removes every envelope meant for <paramref name="incarnation"/>; returns how many.</summary>
    public int RemoveTargeting(long incarnation) => RemoveWhere(system, incarnation) + RemoveWhere(ordinary, incarnation);

    /// <summary>Empties both lanes; returns how many envelopes were in them.</summary>
    public int Clear()
    {
        var count = Count;
        system.Clear();
        ordinary.Clear();
        return count;
    }

    private static int RemoveWhere(Queue<OutboundEnvelope> lane, long incarnation)
    {
        var removed = 0;
        for (var remaining = lane.Count; remaining > 0; remaining--)
        {
            var envelope = lane.Dequeue();
            if (envelope.TargetIncarnation == incarnation)
            {
                removed++;
            }
            else
            {
                lane.Enqueue(envelope);
            }
        }

        return removed;
    }
}
