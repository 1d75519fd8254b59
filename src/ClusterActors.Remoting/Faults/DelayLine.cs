namespace ClusterActors.Remoting;

/// <summary>Items waiting to be delivered at a later time on one <see cref="TimeProvider"/>, behind one timer.</summary>
/// <remarks>
/// In-order items keep their order: each is due no earlier than the in-order item before it, so a
/// fixed delay never lets one message pass another (one timer per message could race on a real clock).
/// Out-of-order items are due at their own time and may be overtaken. Items due at the same time
/// leave in the order they came. One drainer at a time delivers, outside the lock, so an item is
/// delivered after every item that left before it; the timer is re-armed for the earliest item left.
/// </remarks>
internal sealed class DelayLine<T>
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly long origin;
    private readonly Action<T> deliver;
    private readonly PriorityQueue<(T Item, bool InOrder), (TimeSpan Due, long Sequence)> queue = new();
    private ITimer? timer;
    private TimeSpan? armedFor;
    private TimeSpan lastInOrderDue;
    private int inOrderWaiting;
    private long sequence;
    private bool draining;

    public DelayLine(TimeProvider time, Action<T> deliver)
    {
        this.time = time;
        this.deliver = deliver;
        origin = time.GetTimestamp();
    }

    /// <summary>True when no in-order item waits and none is being delivered: an undelayed item may go straight through without overtaking anything.</summary>
    public bool IsClear
    {
        get
        {
            lock (gate)
            {
                return inOrderWaiting == 0 && !draining;
            }
        }
    }

    private TimeSpan Now => time.GetElapsedTime(origin);

    /// <summary>Delivers <paramref name="item"/> after <paramref name="delay"/>, and not before any in-order item enqueued earlier.</summary>
    public void EnqueueInOrder(T item, TimeSpan delay)
    {
        lock (gate)
        {
            var now = Now;
            var due = now + delay;
            if (due < lastInOrderDue)
            {
                due = lastInOrderDue;
            }

            lastInOrderDue = due;
            inOrderWaiting++;
            queue.Enqueue((item, true), (due, sequence++));
            ArmLocked(now);
        }
    }

    /// <summary>Delivers <paramref name="item"/> after <paramref name="delay"/>, whatever else is waiting.</summary>
    public void EnqueueOutOfOrder(T item, TimeSpan delay)
    {
        lock (gate)
        {
            var now = Now;
            queue.Enqueue((item, false), (now + delay, sequence++));
            ArmLocked(now);
        }
    }

    private void ArmLocked(TimeSpan now)
    {
        if (draining || !queue.TryPeek(out _, out var head) || armedFor == head.Due)
        {
            return;
        }

        timer ??= time.CreateTimer(static line => ((DelayLine<T>)line!).Drain(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        armedFor = head.Due;
        timer.Change(head.Due > now ? head.Due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Drain()
    {
        lock (gate)
        {
            if (draining)
            {
                // The active drainer loops until nothing due is left, then re-arms.
                return;
            }

            draining = true;
            armedFor = null;
        }

        try
        {
            while (true)
            {
                (T Item, bool InOrder) next;
                lock (gate)
                {
                    if (!queue.TryPeek(out next, out var key) || key.Due > Now)
                    {
                        return;
                    }

                    queue.Dequeue();
                    if (next.InOrder)
                    {
                        inOrderWaiting--;
                    }
                }

                deliver(next.Item);
            }
        }
        finally
        {
            lock (gate)
            {
                draining = false;
                ArmLocked(Now);
            }
        }
    }
}
