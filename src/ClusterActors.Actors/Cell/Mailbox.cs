namespace ClusterActors.Actors;

/// <summary>
/// The queues of one actor and the protocol that gets it run: a lock-free multi-producer
/// single-consumer queue of user messages (Vyukov), a lock-free stack of system messages, and a
/// status word saying whether a run is scheduled, user messages are suspended, or the mailbox is closed.
/// </summary>
/// <remarks>
/// Producers enqueue then try to set <see cref="Scheduled"/>; the run clears it at the end and
/// re-checks the queues, so no message is ever left behind without a scheduled run. Closing is
/// final: anything enqueued after it is drained to dead letters by whoever sees the closed bit.
/// </remarks>
internal abstract class Mailbox : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Suspended = 2;
    private const int Closed = 4;

    private readonly Dispatcher dispatcher;
    private int status;
    private Envelope head;
    private Envelope tail;
    private SystemMessage? systemHead;

    protected Mailbox(Dispatcher dispatcher)
    {
        this.dispatcher = dispatcher;
        var stub = new Envelope(null, null);
        head = stub;
        tail = stub;
    }

    protected Dispatcher Dispatcher => dispatcher;

    protected bool IsClosed => (Volatile.Read(ref status) & Closed) != 0;

    private bool HasSystemMessages => Volatile.Read(ref systemHead) is not null;

    /// <summary>Enqueues a user message and schedules a run if needed; after close it goes to dead letters.</summary>
    public void Post(object message, IActorRef? sender)
    {
        if ((Volatile.Read(ref status) & Closed) != 0)
        {
            OnDeadUserMessage(message, sender);
            return;
        }

        var node = new Envelope(message, sender);
        var previous = Interlocked.Exchange(ref head, node);
        Volatile.Write(ref previous.Next, node);

        while (true)
        {
            var current = Volatile.Read(ref status);
            if ((current & Closed) != 0)
            {
                DrainUserMessagesAfterClose();
                return;
            }

            if ((current & (Scheduled | Suspended)) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref status, current | Scheduled, current) == current)
            {
                dispatcher.Schedule(this);
                return;
            }
        }
    }

    /// <summary>Pushes a system message and schedules a run even while user messages are suspended.</summary>
    public void SendSystemMessage(SystemMessage message)
    {
        while (true)
        {
            var top = Volatile.Read(ref systemHead);
            message.Next = top;
            if (Interlocked.CompareExchange(ref systemHead, message, top) == top)
            {
                break;
            }
        }

        while (true)
        {
            var current = Volatile.Read(ref status);
            if ((current & Closed) != 0)
            {
                DrainSystemMessagesAfterClose();
                return;
            }

            if ((current & Scheduled) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref status, current | Scheduled, current) == current)
            {
                dispatcher.Schedule(this);
                return;
            }
        }
    }

    /// <summary>One run of the mailbox; called by the dispatcher, never concurrently with another run.</summary>
    public void Execute()
    {
        try
        {
            Run();
        }
        finally
        {
            AfterRun();
        }
    }

    /// <summary>Processes system messages, then user messages up to the throughput.</summary>
    protected abstract void Run();

    /// <summary>Handles one system message while the mailbox is open.</summary>
    protected abstract void ProcessSystemMessage(SystemMessage message);

    /// <summary>Handles a system message that arrived after the mailbox closed.</summary>
    protected abstract void OnDeadSystemMessage(SystemMessage message);

    /// <summary>Handles a user message that arrived after the mailbox closed.</summary>
    protected abstract void OnDeadUserMessage(object message, IActorRef? sender);

    /// <summary>True when messages other than the queue (e.g. unstashed ones) wait to be processed.</summary>
    protected virtual bool HasPrivateUserMessages => false;

    protected bool UserMessagesSuspended => (Volatile.Read(ref status) & (Suspended | Closed)) != 0;

    protected void SetSuspended(bool suspended)
    {
        if (suspended)
        {
            Interlocked.Or(ref status, Suspended);
        }
        else
        {
            Interlocked.And(ref status, ~Suspended);
        }
    }

    /// <summary>Processes every pending system message in arrival order, including those sent meanwhile.</summary>
    protected void ProcessSystemMessages()
    {
        while (Volatile.Read(ref systemHead) is not null)
        {
            var batch = Reverse(Interlocked.Exchange(ref systemHead, null));
            while (batch is not null)
            {
                var next = batch.Next;
                batch.Next = null;
                if (IsClosed)
                {
                    OnDeadSystemMessage(batch);
                }
                else
                {
                    ProcessSystemMessage(batch);
                }

                batch = next;
            }
        }
    }

    protected bool SystemMessagesPending => HasSystemMessages;

    /// <summary>Takes the next user message; only the run (the single consumer) may call this.</summary>
    protected bool TryDequeue(out object message, out IActorRef? sender)
    {
        var next = Volatile.Read(ref tail.Next);
        if (next is null)
        {
            message = null!;
            sender = null;
            return false;
        }

        tail = next;
        message = next.Message!;
        sender = next.Sender;

        // The dequeued node is the new stub: drop its references so an idle actor retains nothing.
        next.Message = null;
        next.Sender = null;
        return true;
    }

    /// <summary>Closes the mailbox for good and sends whatever is left to dead letters.</summary>
    protected void Close()
    {
        Interlocked.Or(ref status, Closed);
        DrainSystemMessagesAfterClose();
        DrainUserMessagesAfterClose();
    }

    // Compares head (not tail.Next): a producer's Exchange on head is a full fence before it reads the
    // status, and so is our And on the status before this read, so one of the two always sees the other.
    private bool HasUserMessages => !ReferenceEquals(Volatile.Read(ref head), tail) || HasPrivateUserMessages;

    private void AfterRun()
    {
        var current = Interlocked.And(ref status, ~Scheduled) & ~Scheduled;
        if ((current & Closed) != 0)
        {
            return;
        }

        if (HasSystemMessages || ((current & Suspended) == 0 && HasUserMessages))
        {
            while (true)
            {
                current = Volatile.Read(ref status);
                if ((current & (Scheduled | Closed)) != 0)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref status, current | Scheduled, current) == current)
                {
                    dispatcher.Schedule(this);
                    return;
                }
            }
        }
    }

    private void DrainUserMessagesAfterClose()
    {
        // After close the consumer role passes to whoever holds this lock.
        lock (this)
        {
            var spin = default(SpinWait);
            while (!ReferenceEquals(Volatile.Read(ref head), tail))
            {
                if (TryDequeue(out var message, out var sender))
                {
                    OnDeadUserMessage(message, sender);
                }
                else
                {
                    // A producer swapped the head but has not linked its node yet: it will in a moment.
                    spin.SpinOnce();
                }
            }
        }
    }

    private void DrainSystemMessagesAfterClose()
    {
        var batch = Reverse(Interlocked.Exchange(ref systemHead, null));
        while (batch is not null)
        {
            var next = batch.Next;
            batch.Next = null;
            OnDeadSystemMessage(batch);
            batch = next;
        }
    }

    private static SystemMessage? Reverse(SystemMessage? list)
    {
        SystemMessage? reversed = null;
        while (list is not null)
        {
            var next = list.Next;
            list.Next = reversed;
            reversed = list;
            list = next;
        }

        return reversed;
    }
}
