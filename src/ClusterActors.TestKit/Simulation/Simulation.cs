using System.Globalization;
using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.TestKit;

/// <summary>
/// A deterministic cluster in one thread: N actor systems on the in-memory network, one virtual clock,
/// a deterministic dispatcher per node, seeded faults, and invariants checked after every step. The
/// same seed and the same scenario give the same run, step for step, so a failing seed replays.
/// </summary>
/// <remarks>
/// Nothing runs unless the simulation steps: each step runs one mailbox of a node chosen by the seed,
/// or, when no actor has work, moves the clock to the next timer (network deliveries are timers).
/// Scenarios must stay inside the simulation: use actors and <see cref="Record"/>, not tasks awaited
/// on the thread pool (an Ask's continuation would run outside the simulation's control).
/// </remarks>
public sealed class Simulation
{
    private const int Port = 2552;
    private const long MaxSteps = 5_000_000;

    private readonly SimulationOptions options;
    private readonly Random random;
    private readonly SeededRandomSource incarnations;
    private readonly List<SimulatedNode> nodes = [];
    private readonly List<(string Name, Func<string?> Check)> invariants = [];
    private readonly List<string> trace = [];
    private ITimer? faultTimer;

    private Simulation(SimulationOptions options)
    {
        if (options.NodeCount is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NodeCount, "A simulation runs 1 to 64 nodes.");
        }

        this.options = options;
        random = new Random(options.Seed);
        incarnations = new SeededRandomSource(options.Seed);
        Faults = new FaultInjector(Time, options.Seed);
        Network = new InMemoryNetwork(Time, Faults, options.Latency);
    }

    /// <summary>The seed of this run.</summary>
    public int Seed => options.Seed;

    /// <summary>The only clock of every node and of the network.</summary>
    public VirtualTimeProvider Time { get; } = new();

    /// <summary>Faults on the links between nodes (the random fault schedule uses it too).</summary>
    public FaultInjector Faults { get; }

    /// <summary>The network the nodes talk over.</summary>
    public InMemoryNetwork Network { get; }

    /// <summary>The nodes, in order (<c>node1</c> first).</summary>
    public IReadOnlyList<SimulatedNode> Nodes => nodes;

    /// <summary>What happened, one line per event, each stamped with the virtual time.</summary>
    public IReadOnlyList<string> Trace => trace;

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Virtual time since the simulation started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Time.GetTimestamp());

    /// <summary>Starts the nodes described by <paramref name="options"/>.</summary>
    public static Simulation Start(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulation = new Simulation(options);
        for (var i = 0; i < options.NodeCount; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"node{i + 1}");
            simulation.nodes.Add(new SimulatedNode(simulation, i, name, RemoteAddress.Create(options.SystemName, name, Port)));
        }

        // Every node exists (with its address) before the first starts, so setup code can address all of them.
        foreach (var node in simulation.nodes)
        {
            simulation.StartRun(node);
        }

        return simulation;
    }

    /// <summary>Adds a line to the trace, stamped with the virtual time.</summary>
    public void Record(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        trace.Add(string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalMilliseconds,10:0.000} ms  {text}"));
    }

    /// <summary>Adds an invariant checked after every step: <paramref name="check"/> returns null when it holds, else what is wrong.</summary>
    public void AddInvariant(string name, Func<string?> check)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        invariants.Add((name, check));
    }

    /// <summary>Runs one mailbox of a node the seed picks, or, when no actor has work, fires the next timer. False when nothing at all is left to do.</summary>
    /// <exception cref="SimulationInvariantException">An invariant does not hold after the step.</exception>
    public bool Step()
    {
        if (Steps >= MaxSteps)
        {
            throw new InvalidOperationException($"The simulation took {MaxSteps} steps: a livelock (actors messaging each other forever without time passing)?");
        }

        var runnable = nodes.Where(node => node.Dispatcher is { HasWork: true }).ToList();
        if (runnable.Count > 0)
        {
            runnable[random.Next(runnable.Count)].Dispatcher!.RunOne();
        }
        else if (!Time.AdvanceToNextTimer())
        {
            return false;
        }

        Steps++;
        CheckInvariants();
        return true;
    }

    /// <summary>Steps until <paramref name="duration"/> of virtual time has passed (the clock ends exactly there).</summary>
    public void RunFor(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var end = Time.GetUtcNow() + duration;
        while (true)
        {
            if (nodes.Any(node => node.Dispatcher is { HasWork: true }) || Time.NextDueTime is { } due && due <= end)
            {
                Step();
            }
            else
            {
                Time.AdvanceTo(end);
                return;
            }
        }
    }

    /// <summary>Steps until <paramref name="condition"/> holds; fails naming <paramref name="what"/> if <paramref name="max"/> of virtual time passes first or nothing is left to do.</summary>
    public void RunUntil(Func<bool> condition, TimeSpan max, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Time.GetUtcNow() + max;
        while (!condition())
        {
            if (Time.GetUtcNow() > deadline || (!Step() && !condition()))
            {
                throw new TestKitFailureException($"Simulation seed {Seed}: {what} did not happen within {max.TotalMilliseconds:0.###} ms of virtual time (t={Elapsed.TotalMilliseconds:0.###} ms, {Steps} steps).");
            }
        }
    }

    /// <summary>Crashes <paramref name="node"/>: its network connections vanish without a word and its actors never run again.</summary>
    public void Crash(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var run = node.Detach() ?? throw new InvalidOperationException($"Node {node.Name} is already crashed.");
        run.Transport.Abort();
        Record($"{node.Name} crashed (incarnation {run.Identity.Incarnation})");
    }

    /// <summary>Starts a new run (a new incarnation) of a crashed <paramref name="node"/> at the same address.</summary>
    public void Restart(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsRunning)
        {
            throw new InvalidOperationException($"Node {node.Name} is running; crash it before restarting it.");
        }

        StartRun(node);
    }

    /// <summary>Every <paramref name="every"/> of virtual time, changes the faults on the network at random (the seed decides), among <paramref name="kinds"/>, healing everything first one time in four.</summary>
    public void ScheduleRandomFaults(TimeSpan every, SimulatedFaults kinds = SimulatedFaults.Lossy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        var choices = Enum.GetValues<SimulatedFaults>().Where(kind => kind != SimulatedFaults.None && kind != SimulatedFaults.Lossy && kinds.HasFlag(kind)).ToArray();
        if (choices.Length == 0 || nodes.Count < 2)
        {
            return;
        }

        faultTimer?.Dispose();
        faultTimer = Time.CreateTimer(_ => InjectRandomFault(choices), null, every, every);
    }

    /// <summary>Stops the random fault schedule and heals every link.</summary>
    public void HealAll()
    {
        faultTimer?.Dispose();
        faultTimer = null;
        Faults.Heal();
        Record("faults: healed all links");
    }

    private void StartRun(SimulatedNode node)
    {
        var dispatcher = new DeterministicDispatcher(random.Next(), options.Throughput);
        var incarnation = NodeIncarnation.New(incarnations);
        var transport = Network.CreateTransport(new InMemoryTransportSettings
        {
            SystemName = options.SystemName,
            Host = node.Name,
            Port = Port,
            NodeId = node.Name,
            Incarnation = incarnation,
            SoftwareVersion = "simulation",
            LoggerFactory = options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        });
        var registry = new MessageTypeRegistry();
        options.RegisterMessages?.Invoke(registry);
        var settings = new ActorSystemSettings { TimeProvider = Time, Dispatcher = dispatcher, RandomSeed = random.Next() };
        if (options.LoggerFactory is { } loggerFactory)
        {
            settings = settings with { LoggerFactory = loggerFactory };
        }
        var starting = RemoteActorSystem.StartAsync(options.SystemName, transport, registry, settings);

        // The in-memory transport binds synchronously; anything else would escape the simulation's control.
        if (!starting.IsCompleted)
        {
            throw new InvalidOperationException($"Node {node.Name} did not start synchronously: the simulation needs a transport that binds at once.");
        }

        node.Attach(starting.GetAwaiter().GetResult(), dispatcher);
        Record($"{node.Name} started run {node.Runs} (incarnation {incarnation})");
        options.SetupNode?.Invoke(node);
    }

    private void InjectRandomFault(SimulatedFaults[] choices)
    {
        if (random.Next(4) == 0)
        {
            Faults.Heal();
            Record("faults: healed all links");
        }

        var from = nodes[random.Next(nodes.Count)];
        var to = nodes[(from.Index + 1 + random.Next(nodes.Count - 1)) % nodes.Count];
        switch (choices[random.Next(choices.Length)])
        {
            case SimulatedFaults.Partition:
                Faults.Partition([from.Address], nodes.Where(node => node != from).Select(node => node.Address));
                Record($"faults: partition {from.Name} from the rest");
                break;
            case SimulatedFaults.Blackhole:
                Faults.Blackhole(from.Address, to.Address, LinkDirection.Send);
                Record($"faults: blackhole {from.Name} -> {to.Name}");
                break;
            case SimulatedFaults.Drop:
                var share = Math.Round(random.NextDouble() * 0.5, 2);
                Faults.Drop(from.Address, to.Address, share);
                Record(string.Create(CultureInfo.InvariantCulture, $"faults: drop {share:0.00} of {from.Name} -> {to.Name}"));
                break;
            case SimulatedFaults.Delay:
                var delay = TimeSpan.FromMilliseconds(1 + random.Next(50));
                Faults.Delay(from.Address, to.Address, delay);
                Record(string.Create(CultureInfo.InvariantCulture, $"faults: delay {from.Name} -> {to.Name} by {delay.TotalMilliseconds} ms"));
                break;
            case SimulatedFaults.Duplicate:
                Faults.Duplicate(from.Address, to.Address, 0.2);
                Record($"faults: duplicate 0.20 of {from.Name} -> {to.Name}");
                break;
            case SimulatedFaults.Reorder:
                Faults.Reorder(from.Address, to.Address, 0.3, TimeSpan.FromMilliseconds(20));
                Record($"faults: reorder 0.30 of {from.Name} -> {to.Name} within 20 ms");
                break;
        }
    }

    private void CheckInvariants()
    {
        foreach (var (name, check) in invariants)
        {
            if (check() is { } violation)
            {
                Record($"INVARIANT '{name}' VIOLATED: {violation}");
                throw new SimulationInvariantException(name, violation, Steps, Elapsed);
            }
        }
    }
}
