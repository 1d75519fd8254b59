using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.TestKit;

/// <summary>One node of a simulation: a remote actor system on the in-memory network, driven only by the simulation.</summary>
public sealed class SimulatedNode
{
    internal SimulatedNode(Simulation simulation, int index, string name, Address address)
    {
        Simulation = simulation;
        Index = index;
        Name = name;
        Address = address;
    }

    /// <summary>The simulation the node runs in (e.g. to <see cref="Simulation.Record"/> from its actors).</summary>
    public Simulation Simulation { get; }

    /// <summary>The node's position (0-based) in <see cref="Simulation.Nodes"/>.</summary>
    public int Index { get; }

    /// <summary>The node's name and node id (<c>node1</c>, <c>node2</c>, …).</summary>
    public string Name { get; }

    /// <summary>The node's address; it keeps it across restarts.</summary>
    public Address Address { get; }

    /// <summary>The current run of the node.</summary>
    public RemoteActorSystem Remote => remote ?? throw new InvalidOperationException($"Node {Name} is crashed; restart it first.");

    /// <summary>The current run's actor system.</summary>
    public ActorSystem System => Remote.System;

    /// <summary>True unless the node is crashed.</summary>
    public bool IsRunning => remote is not null;

    /// <summary>The current run's incarnation (0 while crashed).</summary>
    public long Incarnation => remote?.Identity.Incarnation ?? 0;

    /// <summary>How many times the node has started (1 for the first run).</summary>
    public int Runs { get; internal set; }

    internal DeterministicDispatcher? Dispatcher { get; set; }

    private RemoteActorSystem? remote;

    internal void Attach(RemoteActorSystem run, DeterministicDispatcher dispatcher)
    {
        remote = run;
        Dispatcher = dispatcher;
        Runs++;
    }

    internal RemoteActorSystem? Detach()
    {
        var previous = remote;
        remote = null;
        Dispatcher = null;
        return previous;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Address}, run {Runs})";
}
