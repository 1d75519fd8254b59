using ClusterActors.Actors;

namespace ClusterActors.Remoting.Tests.Faults;

/// <summary>A fault injector on a virtual clock, with numbered messages and a record of what it forwarded, when.</summary>
public sealed class RouteBench
{
    public static readonly Address A = RemoteAddress.Create("cluster", "a", 2552);
    public static readonly Address B = RemoteAddress.Create("cluster", "b", 2552);
    public static readonly Address C = RemoteAddress.Create("cluster", "c", 2552);

    private readonly List<(int Number, TimeSpan At)> forwarded = [];

    public RouteBench(int seed = 1)
    {
        Injector = new FaultInjector(Clock, seed);
        Forward = envelope => forwarded.Add((Number(envelope), Now));
        Injector.DecisionObserver = Decisions.Add;
    }

    public VirtualTimeProvider Clock { get; } = new();

    public FaultInjector Injector { get; }

    public Action<OutboundEnvelope> Forward { get; }

    public List<FaultDecision> Decisions { get; } = [];

    public TimeSpan Now => TimeSpan.FromTicks(Clock.GetTimestamp());

    /// <summary>The numbers forwarded so far, in forwarding order.</summary>
    public IReadOnlyList<int> Numbers => [.. forwarded.Select(f => f.Number)];

    public IReadOnlyList<(int Number, TimeSpan At)> Forwarded => forwarded;

    public static OutboundEnvelope Message(Address to, int number) =>
        new(to, null, $"{to}/user/r", null, "test.n", BitConverter.GetBytes(number));

    public static int Number(OutboundEnvelope envelope) => BitConverter.ToInt32(envelope.Payload.Span);

    public void Route(Address from, Address to, int number) => Injector.Route(from, Message(to, number), Forward);

    /// <summary>Routes 0..count-1 from A to B, advancing the clock by <paramref name="gap"/> after each.</summary>
    public void RouteMany(int count, TimeSpan? gap = null)
    {
        for (var i = 0; i < count; i++)
        {
            Route(A, B, i);
            Clock.Advance(gap ?? TimeSpan.Zero);
        }
    }
}
