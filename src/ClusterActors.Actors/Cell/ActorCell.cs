using Microsoft.Extensions.Logging;

namespace ClusterActors.Actors;

/// <summary>
/// The kernel's side of one actor: its mailbox, the current instance, the message being processed,
/// and the context the instance sees. The cell outlives restarts (the instance does not).
/// </summary>
/// <remarks>
/// Everything below runs on the actor's own turn (one thread at a time, the mailbox guarantees it),
/// except where a member says it is thread-safe. Rarely used parts (children, death watch, timers,
/// stash, async state) are allocated on first use so that an idle actor stays small.
/// </remarks>
internal sealed partial class ActorCell : Mailbox, IActorContext
{
    [ThreadStatic]
    private static ActorCell? current;

    [ThreadStatic]
    private static ActorCell? constructing;

    private readonly ActorSystem system;
    private readonly InternalActorRef parent;
    private readonly LocalActorRef self;
    private readonly Props props;
    private readonly bool isGuardian;
    private ActorBase? actor;
    private object? currentMessage;
    private IActorRef? currentSender;
    private long invocation;
    private Queue<Envelope>? unstashed;
    private TimerScheduler? timers;
    private ILogger? log;

    public ActorCell(ActorSystem system, InternalActorRef parent, ActorPath path, Props props, bool isGuardian = false)
        : base(system.Dispatcher)
    {
        this.system = system;
        this.parent = parent;
        this.props = props;
        this.isGuardian = isGuardian;
        self = new LocalActorRef(this, path);
    }

    /// <summary>The cell whose turn it is on this thread, if any.</summary>
    public static ActorCell? Current => current;

    public LocalActorRef SelfRef => self;

    public IActorRef Self => self;

    public IActorRef Sender => currentSender is null or NobodyActorRef ? system.DeadLetters : currentSender;

    public IActorRef Parent => parent;

    public ActorSystem System => system;

    public ILogger Log => log ??= new ActorLogger(system.LoggerFor(props.ActorType), self.Path);

    public ITimerScheduler Timers => timers ??= new TimerScheduler(this);

    /// <summary>The message being processed (null between messages).</summary>
    public object? CurrentMessage => currentMessage;

    public IActorRef? CurrentSenderOrNull => currentSender;

    /// <summary>Sequence number of the current message, to detect stashing one message twice.</summary>
    public long CurrentInvocation => invocation;

    protected override bool HasPrivateUserMessages => unstashed is { Count: > 0 };

    /// <summary>Hands the cell being created to the <see cref="ActorBase"/> constructor; once only.</summary>
    public static ActorCell ClaimForConstruction()
    {
        var cell = constructing ?? throw new InvalidOperationException("Actors are created by the kernel: use ActorOf(Props.Create(...)), not 'new', and make one actor per Props factory call.");
        constructing = null;
        return cell;
    }

    /// <summary>Puts messages ahead of the mailbox (unstash), before any unstashed earlier.</summary>
    public void PrependUnstashed(Envelope[] envelopes)
    {
        if (unstashed is not { Count: > 0 })
        {
            (unstashed ??= new Queue<Envelope>()).EnsureCapacity(envelopes.Length);
            foreach (var envelope in envelopes)
            {
                unstashed.Enqueue(envelope);
            }

            return;
        }

        var merged = new Queue<Envelope>(envelopes.Length + unstashed.Count);
        foreach (var envelope in envelopes)
        {
            merged.Enqueue(envelope);
        }

        foreach (var envelope in unstashed)
        {
            merged.Enqueue(envelope);
        }

        unstashed = merged;
    }

    public void PublishUnhandled(object message)
    {
        system.Counters.IncrementUnhandled();
        system.EventStream.Publish(new UnhandledMessage(message, currentSender, self));
        if (system.Settings.LogUnhandled)
        {
            KernelLog.UnhandledMessage(system.Log, message.GetType().FullName, self.Path, currentSender?.Path);
        }
    }

    protected override void Run()
    {
        var previous = current;
        current = this;
        try
        {
            ProcessSystemMessages();
            var budget = Dispatcher.Throughput;
            while (budget > 0 && !UserMessagesSuspended && TryDequeueUser(out var message, out var sender))
            {
                Invoke(message, sender);
                budget--;
                if (SystemMessagesPending)
                {
                    ProcessSystemMessages();
                }
            }
        }
        catch (Exception e)
        {
            // User code is guarded where it runs; reaching here is a kernel fault. Keep the process alive and say so loudly.
            KernelLog.KernelFault(system.Log, e, self.Path);
        }
        finally
        {
            current = previous;
        }
    }

    protected override void OnDeadUserMessage(object message, IActorRef? sender)
    {
        if (message is TimerScheduler.ActiveTimer)
        {
            // A tick for a stopped actor: its timers were cancelled with it; nothing was promised.
            return;
        }

        system.DeadLetter(message is WatchedActorTerminated queued ? queued.Terminated : message, sender, self);
    }

    private bool TryDequeueUser(out object message, out IActorRef? sender)
    {
        if (unstashed is { Count: > 0 })
        {
            var envelope = unstashed.Dequeue();
            message = envelope.Message!;
            sender = envelope.Sender;
            return true;
        }

        return TryDequeue(out message, out sender);
    }

    private void Invoke(object message, IActorRef? sender)
    {
        currentMessage = message;
        currentSender = sender;
        invocation++;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceive(message);
            }
            else if (actor is { } instance)
            {
                instance.InvokeReceive(message);
            }
            else
            {
                system.DeadLetter(message, sender, self);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            if (!failed && pendingTask is null)
            {
                currentMessage = null;
                currentSender = null;
            }
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case TimerScheduler.ActiveTimer timer:
                if (timers is not null && timers.Accept(timer) && actor is { } timed)
                {
                    currentMessage = timer.Message;
                    currentSender = null;
                    timed.InvokeReceive(timer.Message);
                }

                break;
            case WatchedActorTerminated queued:
                if (ConsumeQueuedTerminated(queued.Terminated.ActorRef) && actor is { } watcher)
                {
                    currentMessage = queued.Terminated;
                    watcher.InvokeReceive(queued.Terminated);
                }

                break;
            case PoisonPill:
                SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException($"Kill message received by {self.Path}");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, self), self);
                break;
            default:
                actor?.InvokeReceive(message);
                break;
        }
    }
}
