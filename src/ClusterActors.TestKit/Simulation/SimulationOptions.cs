using ClusterActors.Remoting;

namespace ClusterActors.TestKit;

/// <summary>What a deterministic simulation runs: how many nodes, which messages they exchange, what each node starts with, how the network behaves.</summary>
public sealed record SimulationOptions
{
    /// <summary>The seed every random choice of the run derives from (scheduling, faults, incarnations).</summary>
    public int Seed { get; init; }

    /// <summary>How many nodes (actor systems) the simulation runs.</summary>
    public int NodeCount { get; init; } = 3;

    /// <summary>The actor system name all nodes share.</summary>
    public string SystemName { get; init; } = "sim";

    /// <summary>The network's one-way latency.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Registers the messages the nodes exchange (remoting's own are added anyway).</summary>
    public Action<MessageTypeRegistry>? RegisterMessages { get; init; }

    /// <summary>Called for each node when it starts and again on every restart (e.g. to create its actors).</summary>
    public Action<SimulatedNode>? SetupNode { get; init; }

    /// <summary>Mailbox runs a node's dispatcher may take in one step before another node gets a turn.</summary>
    public int Throughput { get; init; } = 1;

    /// <summary>Where the nodes' transports and actor systems log (nothing by default): a failing seed can be replayed with logs on.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }
}
