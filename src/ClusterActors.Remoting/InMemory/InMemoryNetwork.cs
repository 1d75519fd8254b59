using ClusterActors.Actors;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>The simulator's network: nodes in one process exchanging messages through timers of one clock, optionally through a <see cref="FaultInjector"/>.</summary>
/// <remarks>
/// Nothing runs on its own: no threads, no tasks. A sent message goes through the fault injector (if
/// any), then onto the link from its sender to its target, where it is delivered by a timer of
/// <see cref="TimeProvider"/> after <see cref="Latency"/>; each link is a FIFO. With a
/// <see cref="VirtualTimeProvider"/> every delivery happens inside <c>Advance</c>, in a fixed order, so a
/// run replays exactly. Addresses look exactly as over TCP (<c>ca.tcp://system@host:port</c>).
/// Thread-safe, so nodes on real dispatchers may share it too; only virtual time makes it reproducible.
/// </remarks>
public sealed partial class InMemoryNetwork
{
    private readonly Dictionary<Address, InMemoryTransport> live = [];
    private readonly Dictionary<Address, HashSet<long>> runs = [];
    private readonly Dictionary<(Address From, Address To), DelayLine<Transmission>> links = [];
    private long binds;

    /// <summary>Creates a network whose deliveries run on <paramref name="timeProvider"/>, through <paramref name="faults"/> if given, each taking <paramref name="latency"/> (default <see cref="DefaultLatency"/>).</summary>
    public InMemoryNetwork(TimeProvider timeProvider, FaultInjector? faults = null, TimeSpan? latency = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var oneWay = latency ?? DefaultLatency;
        if (oneWay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), oneWay, "A network latency must not be negative.");
        }

        TimeProvider = timeProvider;
        Faults = faults;
        Latency = oneWay;
    }

    /// <summary>The one-way latency when none is given: 1 ms.</summary>
    public static TimeSpan DefaultLatency { get; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The clock every delivery is a timer of.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The faults every message goes through, if any.</summary>
    public FaultInjector? Faults { get; }

    /// <summary>How long every message and shutdown notice takes from one node to another.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Guards the nodes' registrations and each transport's state.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>Creates a node's transport (not yet bound); throws <see cref="ArgumentException"/> naming a bad setting.</summary>
    public InMemoryTransport CreateTransport(InMemoryTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var identity = InMemoryTransportSettings.ToIdentity(settings);
        return new InMemoryTransport(this, identity, settings.LoggerFactory.CreateLogger<InMemoryTransport>());
    }

    /// <summary>The incarnation of the node bound (and not stopped) at <paramref name="address"/>, or null when none is.</summary>
    public long? IncarnationAt(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (Gate)
        {
            return live.TryGetValue(address, out var node) ? node.LocalIdentity.Incarnation : null;
        }
    }

    /// <summary>Registers <paramref name="transport"/> at its address; refuses a second live node there and a reused incarnation.</summary>
    internal void Bind(InMemoryTransport transport)
    {
        var identity = transport.LocalIdentity;
        lock (Gate)
        {
            transport.RequireBindableLocked();
            if (live.TryGetValue(identity.Address, out var other))
            {
                throw new InvalidOperationException($"{identity.Address} is already bound by incarnation {other.LocalIdentity.Incarnation} (node {other.LocalIdentity.NodeId}): abort it or shut it down before another incarnation binds there.");
            }

            if (!runs.TryGetValue(identity.Address, out var previous))
            {
                runs[identity.Address] = previous = [];
            }

            if (!previous.Add(identity.Incarnation))
            {
                throw new InvalidOperationException($"Incarnation {identity.Incarnation} already ran at {identity.Address}: a restarted node needs a new incarnation.");
            }

            live[identity.Address] = transport;
            transport.BoundLocked(++binds);
        }
    }

    /// <summary>
    /// Takes <paramref name="transport"/> off the network. Graceful: every other live node is sent a
    /// shutdown notice on the link from this one (behind the messages already on it), unless that link
    /// is blackholed. Either way, messages waiting in its inbox are lost, charged to their senders.
    /// </summary>
    /// <returns>False when it had already stopped.</returns>
    internal bool Leave(InMemoryTransport transport, bool graceful)
    {
        var identity = transport.LocalIdentity;
        List<SentInFlight> lost;
        lock (Gate)
        {
            if (!transport.StopLocked(graceful, out var wasBound, out lost))
            {
                return false;
            }

            if (wasBound)
            {
                live.Remove(identity.Address);
                if (graceful)
                {
                    foreach (var other in live.Values.OrderBy(node => node.BindOrder))
                    {
                        var to = other.LocalIdentity;
                        if (Faults?.FaultsOn(identity.Address, to.Address).Blackholed != true)
                        {
                            LinkLocked(identity.Address, to.Address).EnqueueInOrder(new Transmission(to.Address, to.Incarnation, new ShutdownNotice(identity.Address, identity.Incarnation)), Latency);
                        }
                    }
                }
            }
        }

        foreach (var sent in lost)
        {
            sent.ReportLost($"{identity.Address} stopped before it was handed over.");
        }

        return true;
    }

    /// <summary>The FIFO link from <paramref name="from"/> to <paramref name="to"/>, created on first use.</summary>
    private DelayLine<Transmission> LinkLocked(Address from, Address to)
    {
        if (!links.TryGetValue((from, to), out var link))
        {
            link = new DelayLine<Transmission>(TimeProvider, Arrive);
            links[(from, to)] = link;
        }

        return link;
    }
}
