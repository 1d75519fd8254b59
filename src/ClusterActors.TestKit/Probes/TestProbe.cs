using System.Collections.Concurrent;
using ClusterActors.Actors;

namespace ClusterActors.TestKit;

/// <summary>An actor the test controls: it records what it receives so the test can expect messages, reply, forward and watch.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never requested holds no unmanaged resource.")]
public sealed class TestProbe
{
    private static long createdProbes;
    private readonly ConcurrentQueue<(object Message, IActorRef Sender)> queue = new();
    // Released once per arrival; only a wake-up (the queue is the truth), so stale permits are harmless.
    private readonly SemaphoreSlim arrived = new(0);
    private readonly TestTimeDriver driver;
    private readonly ActorSystem system;
    private IActorRef? lastSender;
    private object? lastMessage;

    internal TestProbe(ActorSystem system, TestTimeDriver driver, string name)
    {
        this.system = system;
        this.driver = driver;
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(queue, arrived)), name);
    }

    /// <summary>A probe on any <paramref name="system"/> (e.g. one node of a multi-node test), waiting on real time.</summary>
    public static TestProbe Create(ActorSystem system, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new TestProbe(system, new RealTimeDriver(), name ?? $"probe-{Interlocked.Increment(ref createdProbes)}");
    }

    /// <summary>The probe's ref: send it messages, or use it as a sender.</summary>
    public IActorRef Ref { get; }

    /// <summary>The sender of the last message received (dead letters when it had none).</summary>
    public IActorRef LastSender => lastSender ?? throw new InvalidOperationException($"Probe {Ref.Path} has not received any message yet.");

    /// <summary>The last message received.</summary>
    public object LastMessage => lastMessage ?? throw new InvalidOperationException($"Probe {Ref.Path} has not received any message yet.");

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Replies to the sender of the last message, with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Sends the last message to <paramref name="target"/> with its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage, LastSender);
    }

    /// <summary>Watches <paramref name="actor"/>: the probe receives <see cref="Terminated"/> when it stops.</summary>
    public IActorRef Watch(IActorRef actor) => ProbeCell.Watch(actor);

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor) => ProbeCell.Unwatch(actor);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="message"/> after <paramref name="max"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = max ?? driver.DefaultTimeout;
        if (!driver.WaitUntil(condition, null, wait))
        {
            throw ConditionFailed(wait, message);
        }
    }

    /// <summary>The async form of <see cref="AwaitCondition"/>.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = max ?? driver.DefaultTimeout;
        if (!await driver.WaitUntilAsync(condition, null, wait).ConfigureAwait(false))
        {
            throw ConditionFailed(wait, message);
        }
    }

    /// <summary>Receives the next message, which must be a <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? max = null) =>
        Expect<T>(max, _ => null, $"a message of type {typeof(T).Name}");

    /// <summary>Receives the next message, which must be a <typeparamref name="T"/> matching <paramref name="isMatch"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMatch, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(isMatch);
        return Expect<T>(max, m => isMatch(m) ? null : "it does not match the predicate", $"a {typeof(T).Name} matching the predicate");
    }

    /// <summary>Receives the next message, which must equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? max = null) =>
        Expect<T>(max, m => Equals(m, expected) ? null : "it is not equal", $"{expected}");

    /// <summary>The async form of <see cref="ExpectMsg{T}(TimeSpan?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? max = null)
    {
        var (wait, start) = (max ?? driver.DefaultTimeout, driver.GetTimestamp());
        if (!await driver.WaitUntilAsync(() => !queue.IsEmpty, arrived, wait))
        {
            throw Timeout($"a message of type {typeof(T).Name}", wait);
        }

        return Check<T>(Take(), start, _ => null, $"a message of type {typeof(T).Name}");
    }

    /// <summary>Fails if any message arrives within <paramref name="duration"/> (on virtual time: advances exactly that much).</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        var start = driver.GetTimestamp();
        if (TryReceive(duration, out var message))
        {
            throw new TestKitFailureException(
                $"Probe {Ref.Path} expected no message for {driver.Describe(duration)} but received {Show(message.Message)} after {driver.Describe(driver.GetElapsedTime(start))}.");
        }
    }

    /// <summary>Receives messages, skipping those that are not a <typeparamref name="T"/> matching <paramref name="isMatch"/>, until one is.</summary>
    public T FishForMessage<T>(Predicate<T> isMatch, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(isMatch);
        var wait = max ?? driver.DefaultTimeout;
        var start = driver.GetTimestamp();
        var skipped = new List<object>();
        while (true)
        {
            var remaining = wait - driver.GetElapsedTime(start);
            if (remaining < TimeSpan.Zero || !TryReceive(remaining, out var received))
            {
                var seen = skipped.Count == 0 ? "nothing arrived" : $"skipped {skipped.Count}: {string.Join(", ", skipped.Select(Show))}";
                throw new TestKitFailureException($"Probe {Ref.Path} fished for a {typeof(T).Name} matching the predicate for {driver.Describe(wait)}; {seen}.");
            }

            if (received.Message is T typed && isMatch(typed))
            {
                return typed;
            }

            skipped.Add(received.Message);
        }
    }

    /// <summary>Receives the next message, whatever it is.</summary>
    public object ReceiveOne(TimeSpan? max = null)
    {
        var wait = max ?? driver.DefaultTimeout;
        return TryReceive(wait, out var received) ? received.Message : throw Timeout("any message", wait);
    }

    /// <summary>Receives the next message if one arrives within <paramref name="max"/>; null otherwise (for asking again over a lossy link).</summary>
    public object? ReceiveOneOrNone(TimeSpan max) => TryReceive(max, out var received) ? received.Message : null;

    /// <summary>Receives the next <paramref name="count"/> messages.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null)
    {
        var wait = max ?? driver.DefaultTimeout;
        var start = driver.GetTimestamp();
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var remaining = wait - driver.GetElapsedTime(start);
            if (remaining < TimeSpan.Zero || !TryReceive(remaining, out var received))
            {
                throw new TestKitFailureException($"Probe {Ref.Path} expected {count} messages within {driver.Describe(wait)} but received {messages.Count}: {string.Join(", ", messages.Select(Show))}.");
            }

            messages.Add(received.Message);
        }

        return messages;
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Expect<Terminated>(max, t => t.ActorRef.Equals(actor) ? null : $"it is for {t.ActorRef.Path}", $"Terminated({actor.Path})");
    }

    private Actors.ActorCell ProbeCell => ((Actors.LocalActorRef)Ref).Cell;

    private T Expect<T>(TimeSpan? max, Func<T, string?> mismatch, string expected)
    {
        var wait = max ?? driver.DefaultTimeout;
        var start = driver.GetTimestamp();
        return TryReceive(wait, out var received)
            ? Check(received, start, mismatch, expected)
            : throw Timeout(expected, wait);
    }

    private T Check<T>((object Message, IActorRef Sender) received, long start, Func<T, string?> mismatch, string expected)
    {
        var after = driver.Describe(driver.GetElapsedTime(start));
        if (received.Message is not T typed)
        {
            throw new TestKitFailureException($"Probe {Ref.Path} expected {expected} but received {Show(received.Message)} after {after}.");
        }

        if (mismatch(typed) is { } reason)
        {
            throw new TestKitFailureException($"Probe {Ref.Path} expected {expected} but received {Show(received.Message)} after {after}: {reason}.");
        }

        return typed;
    }

    private bool TryReceive(TimeSpan max, out (object Message, IActorRef Sender) received)
    {
        if (!driver.WaitUntil(() => !queue.IsEmpty, arrived, max) && queue.IsEmpty)
        {
            received = default;
            return false;
        }

        received = Take();
        return true;
    }

    private (object Message, IActorRef Sender) Take()
    {
        if (!queue.TryDequeue(out var received))
        {
            throw new InvalidOperationException($"Probe {Ref.Path}: signal without a message (is the probe used from several threads at once?).");
        }

        lastMessage = received.Message;
        lastSender = received.Sender;
        return received;
    }

    private TestKitFailureException Timeout(string expected, TimeSpan waited) =>
        new($"Probe {Ref.Path} expected {expected} within {driver.Describe(waited)} but nothing arrived{(system.IsTerminated ? " (the actor system has terminated)" : string.Empty)}.");

    private static string Show(object message) => $"{message.GetType().Name} {message}";

    private TestKitFailureException ConditionFailed(TimeSpan waited, string? message) =>
        new($"Condition not met within {driver.Describe(waited)}{(message is null ? "." : ": " + message)}");
}
