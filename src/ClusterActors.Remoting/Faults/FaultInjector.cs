using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Breaks links between nodes on purpose, for tests: drop, delay, duplicate, reorder, blackhole, partition, heal.</summary>
/// <remarks>
/// One injector is shared by the transports of all nodes in a test; each transport routes its outbound
/// messages through it (<see cref="Route"/>). Faults belong to directed links (from one node to another)
/// and are decided when a message enters its link: a message already held back (delayed or reordered)
/// is still forwarded at its time after the link is healed, and messages that follow it on that link
/// wait behind it, so healing never reorders a link. Every operation is thread-safe. The dice are one
/// seeded <see cref="Random"/> under a lock, so the same seed and the same sequence of calls give the
/// same decisions.
/// </remarks>
public sealed partial class FaultInjector
{
    private readonly TimeProvider timeProvider;
    private readonly Lock configuration = new();

    // Copy-on-write: Route reads it without a lock; a link, once added, stays (its faults are reset instead).
    private Dictionary<(Address From, Address To), FaultLink> links = [];
    private Action<FaultDecision>? decisionObserver;

    /// <summary>Creates an injector whose delays run on <paramref name="timeProvider"/> and whose dice come from <paramref name="seed"/>.</summary>
    public FaultInjector(TimeProvider timeProvider, int seed)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        Seed = seed;
        dice = new Random(seed);
    }

    /// <summary>The seed of the injector's dice.</summary>
    public int Seed { get; }

    /// <summary>How many messages were blackholed, dropped, duplicated, delayed and reordered.</summary>
    public FaultCounters Counters { get; } = new();

    /// <summary>Called with every decision that changes a message's fate, synchronously inside <see cref="Route"/> (e.g. to put it in a simulator's trace); null for none.</summary>
    public Action<FaultDecision>? DecisionObserver
    {
        get => Volatile.Read(ref decisionObserver);
        set => Volatile.Write(ref decisionObserver, value);
    }

    /// <summary>The faults now set on the link from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public LinkFaults FaultsOn(Address from, Address to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Volatile.Read(ref links).TryGetValue((from, to), out var link) ? link.Faults : LinkFaults.None;
    }

    /// <summary>Makes messages vanish between <paramref name="from"/> and <paramref name="to"/> in <paramref name="direction"/> (other faults on the link stay).</summary>
    public void Blackhole(Address from, Address to, LinkDirection direction)
    {
        RequireLink(from, to);
        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a link direction: use Send, Receive or Both.");
        }

        lock (configuration)
        {
            if (direction != LinkDirection.Receive)
            {
                ChangeLocked(from, to, static faults => faults with { Blackholed = true });
            }

            if (direction != LinkDirection.Send)
            {
                ChangeLocked(to, from, static faults => faults with { Blackholed = true });
            }
        }
    }

    /// <summary>Clears every fault on the link between <paramref name="a"/> and <paramref name="b"/>, both directions.</summary>
    public void PassThrough(Address a, Address b)
    {
        RequireLink(a, b, nameof(a), nameof(b));
        lock (configuration)
        {
            ClearLocked(a, b);
            ClearLocked(b, a);
        }
    }

    /// <summary>Blackholes both ways between every node of <paramref name="side"/> and every node of <paramref name="otherSide"/>; links within a side are untouched.</summary>
    public void Partition(IEnumerable<Address> side, IEnumerable<Address> otherSide)
    {
        var first = RequireSide(side, nameof(side));
        var second = RequireSide(otherSide, nameof(otherSide));
        if (first.Intersect(second).FirstOrDefault() is { } both)
        {
            throw new ArgumentException($"{both} is on both sides of the partition.", nameof(otherSide));
        }

        lock (configuration)
        {
            foreach (var a in first)
            {
                foreach (var b in second)
                {
                    ChangeLocked(a, b, static faults => faults with { Blackholed = true });
                    ChangeLocked(b, a, static faults => faults with { Blackholed = true });
                }
            }
        }
    }

    /// <summary>Clears every fault on every link.</summary>
    public void Heal()
    {
        lock (configuration)
        {
            foreach (var link in links.Values)
            {
                link.Faults = LinkFaults.None;
            }
        }
    }

    /// <summary>Drops each message from <paramref name="from"/> to <paramref name="to"/> with <paramref name="probability"/> (0 clears it).</summary>
    public void Drop(Address from, Address to, double probability)
    {
        RequireLink(from, to);
        RequireProbability(probability, nameof(probability));
        Change(from, to, faults => faults with { DropProbability = probability });
    }

    /// <summary>Holds every message from <paramref name="from"/> to <paramref name="to"/> for <paramref name="delay"/>, keeping their order (zero clears it).</summary>
    public void Delay(Address from, Address to, TimeSpan delay)
    {
        RequireLink(from, to);
        RequireNonNegative(delay, nameof(delay));
        Change(from, to, faults => faults with { Delay = delay });
    }

    /// <summary>Forwards each message from <paramref name="from"/> to <paramref name="to"/> twice with <paramref name="probability"/> (0 clears it).</summary>
    public void Duplicate(Address from, Address to, double probability)
    {
        RequireLink(from, to);
        RequireProbability(probability, nameof(probability));
        Change(from, to, faults => faults with { DuplicateProbability = probability });
    }

    /// <summary>Holds each message from <paramref name="from"/> to <paramref name="to"/> back with <paramref name="probability"/>, by a random part of <paramref name="window"/> (at least one tick), so later messages overtake it (probability 0 clears it).</summary>
    public void Reorder(Address from, Address to, double probability, TimeSpan window)
    {
        RequireLink(from, to);
        RequireProbability(probability, nameof(probability));
        RequireNonNegative(window, nameof(window));
        if (probability > 0 && window == TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A reorder needs a positive window to hold messages back in.");
        }

        Change(from, to, faults => faults with { ReorderProbability = probability, ReorderWindow = probability > 0 ? window : TimeSpan.Zero });
    }

    private static void RequireNode(Address address, string name)
    {
        ArgumentNullException.ThrowIfNull(address, name);
        if (!RemoteAddress.IsValid(address))
        {
            throw new ArgumentException($"'{address}' is not a remote address (ca.tcp://system@host:port).", name);
        }
    }

    private static void RequireLink(Address from, Address to, string fromName = "from", string toName = "to")
    {
        RequireNode(from, fromName);
        RequireNode(to, toName);
        if (from.Equals(to))
        {
            throw new ArgumentException($"A link joins two different nodes; both ends are {from}.", toName);
        }
    }

    private static Address[] RequireSide(IEnumerable<Address> side, string name)
    {
        ArgumentNullException.ThrowIfNull(side, name);
        var nodes = side.ToArray();
        if (nodes.Length == 0)
        {
            throw new ArgumentException("A side of a partition needs at least one node.", name);
        }

        foreach (var node in nodes)
        {
            RequireNode(node, name);
        }

        return nodes;
    }

    private static void RequireProbability(double probability, string name)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(name, probability, "A probability must be between 0 and 1.");
        }
    }

    private static void RequireNonNegative(TimeSpan span, string name)
    {
        if (span < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, span, "A time span for a fault must not be negative.");
        }
    }

    private void Change(Address from, Address to, Func<LinkFaults, LinkFaults> change)
    {
        lock (configuration)
        {
            ChangeLocked(from, to, change);
        }
    }

    private void ChangeLocked(Address from, Address to, Func<LinkFaults, LinkFaults> change)
    {
        if (!links.TryGetValue((from, to), out var link))
        {
            link = new FaultLink(timeProvider);
            Volatile.Write(ref links, new Dictionary<(Address From, Address To), FaultLink>(links) { [(from, to)] = link });
        }

        var changed = change(link.Faults);
        link.Faults = changed.IsNone ? LinkFaults.None : changed;
    }

    private void ClearLocked(Address from, Address to)
    {
        if (links.TryGetValue((from, to), out var link))
        {
            link.Faults = LinkFaults.None;
        }
    }
}
