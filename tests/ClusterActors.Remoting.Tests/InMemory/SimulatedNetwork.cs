using ClusterActors.Remoting.Tests.Support;
using System.Text;
using ClusterActors.Actors;
using Xunit;

namespace ClusterActors.Remoting.Tests.InMemory;

/// <summary>A virtual clock, an in-memory network (optionally with a fault injector) and helpers to start nodes on it.</summary>
public sealed class SimulatedNetwork
{
    public const string System = "cluster";
    public const int Port = 2552;

    public SimulatedNetwork(TimeSpan? latency = null, int? faultSeed = null)
    {
        Faults = faultSeed is int seed ? new FaultInjector(Clock, seed) : null;
        Network = new InMemoryNetwork(Clock, Faults, latency);
    }

    public VirtualTimeProvider Clock { get; } = new();

    public InMemoryNetwork Network { get; }

    public FaultInjector? Faults { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    /// <summary>Virtual time since the start.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(Clock.GetTimestamp());

    public static Address AddressOf(string host) => RemoteAddress.Create(System, host, Port);

    public static InMemoryTransportSettings Settings(string host, long incarnation = 1) => new()
    {
        SystemName = System,
        Host = host,
        Port = Port,
        NodeId = host,
        Incarnation = incarnation,
        SoftwareVersion = "0.1.0",
    };

    /// <summary>Creates, binds and (unless told not to) starts a node.</summary>
    public TestNode Node(string host, long incarnation = 1, bool start = true, string? throwOn = null)
    {
        var transport = Network.CreateTransport(Settings(host, incarnation) with { LoggerFactory = Logs });
        var bound = transport.BindAsync();
        Assert.True(bound.IsCompletedSuccessfully, "an in-memory bind completes at once");
        var node = new TestNode(transport, new TimelineEvents(Clock) { ThrowOn = throwOn });
        if (start)
        {
            node.Start();
        }

        return node;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void AdvanceMs(double milliseconds) => Clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
}

/// <summary>One node under test: its transport and what it received.</summary>
public sealed class TestNode(InMemoryTransport transport, TimelineEvents events)
{
    public InMemoryTransport Transport { get; } = transport;

    public TimelineEvents Events { get; } = events;

    public Address Address => Transport.LocalIdentity.Address;

    public long Incarnation => Transport.LocalIdentity.Incarnation;

    public RemotingCountersSnapshot Counters => Transport.Counters.Snapshot();

    public OutboundEnvelope Envelope(Address to, string text, long? incarnation = null) =>
        new(to, incarnation, $"{to}/user/inbox", $"{Address}/user/outbox", "test.text", Encoding.UTF8.GetBytes(text));

    public void Start() => Transport.Start(Events);

    public bool Send(TestNode to, string text, long? incarnation = null) => Send(to.Address, text, incarnation);

    public bool Send(Address to, string text, long? incarnation = null) => Transport.Send(Envelope(to, text, incarnation));
}
