using ClusterActors.Actors;
using ClusterActors.TestKit;

namespace ClusterActors.Remoting.Tests.Simulator;

/// <summary>What every receiver saw, shared with the invariants (the simulation runs on one thread).</summary>
internal sealed class SequenceLedger
{
    /// <summary>Last number seen per (receiver, sender, sender run).</summary>
    public Dictionary<(string Receiver, string From, int Run), int> Last { get; } = [];

    /// <summary>Violations of per-link order (a duplicate or an overtaking message).</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Messages received per (receiver, sender) after the network healed.</summary>
    public Dictionary<(string Receiver, string From), int> AfterHeal { get; } = [];

    public bool Healed { get; set; }
}

/// <summary>Every tick sends the next number of this run to the receivers on every other node.</summary>
internal sealed class SequenceSender : ReceiveActor
{
    private readonly IReadOnlyList<IActorRef> receivers;
    private readonly string self;
    private readonly int run;
    private int next;

    public SequenceSender(IReadOnlyList<IActorRef> receivers, string self, int run)
    {
        this.receivers = receivers;
        this.self = self;
        this.run = run;
        Receive<Tick>(_ =>
        {
            foreach (var receiver in this.receivers)
            {
                receiver.Tell(new Sequenced(this.self, this.run, next));
            }

            next++;
        });
    }

    protected override void PreStart() => Context.Timers.StartPeriodicTimer("tick", Tick.Instance, TimeSpan.FromMilliseconds(5));

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}

/// <summary>Checks that numbers from each sender run only ever increase, and records each receipt in the trace.</summary>
internal sealed class SequenceReceiver : ReceiveActor
{
    public SequenceReceiver(string self, SequenceLedger ledger, Simulation simulation)
    {
        Receive<Sequenced>(message =>
        {
            var key = (self, message.From, message.Run);
            if (ledger.Last.TryGetValue(key, out var last) && message.Number <= last)
            {
                ledger.Violations.Add($"{self} got {message.Number} from {message.From} run {message.Run} after {last}");
            }

            ledger.Last[key] = message.Number;
            if (ledger.Healed)
            {
                ledger.AfterHeal[(self, message.From)] = ledger.AfterHeal.GetValueOrDefault((self, message.From)) + 1;
            }

            simulation.Record($"{self} <- {message.From}#{message.Run}:{message.Number}");
        });
    }
}
