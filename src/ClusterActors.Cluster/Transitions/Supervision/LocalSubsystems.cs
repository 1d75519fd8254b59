using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>The subsystems registered on this node, by level, and which of them a graceful leave has de-registered (SPEC T2, T10).</summary>
internal sealed class LocalSubsystems
{
    private readonly List<LocalSubsystem> subsystems = [];

    /// <summary>Every registered subsystem.</summary>
    public IReadOnlyList<LocalSubsystem> All => subsystems;

    /// <summary>The subsystems that receive notices for <paramref name="level"/>.</summary>
    public IEnumerable<LocalSubsystem> At(int level) => subsystems.Where(subsystem => subsystem.Level == level && !subsystem.Deregistered);

    /// <summary>Validates and adds a registration; the reason it is refused, or null.</summary>
    public string? Add(RegisterSubsystem request, IActorRef actor)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return "a subsystem needs a name.";
        }

        if (request.Level < 1)
        {
            return $"level {request.Level} is not allowed: level 0 is the membership itself, subsystems start at 1.";
        }

        if (request.Barriers is null)
        {
            return "barriers are missing.";
        }

        try
        {
            request.Barriers.Validate();
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }

        if (subsystems.Any(subsystem => subsystem.Name == request.Name))
        {
            return $"a subsystem named \"{request.Name}\" is already registered on this node.";
        }

        if (subsystems.FirstOrDefault(subsystem => subsystem.Level == request.Level) is { } peer && peer.Barriers != request.Barriers)
        {
            return $"level {request.Level} already has \"{peer.Name}\" with barriers ({peer.Barriers}); every subsystem of a level must ask for the same (SPEC T2).";
        }

        subsystems.Add(new LocalSubsystem(request.Name, request.Level, request.Barriers, actor));
        return null;
    }

    /// <summary>Forgets a stopped subsystem; true when it was registered.</summary>
    public bool Remove(IActorRef actor) => subsystems.RemoveAll(subsystem => subsystem.Actor.Equals(actor)) > 0;

    /// <summary>Marks the subsystems of <paramref name="level"/> de-registered; returns those newly marked.</summary>
    public IReadOnlyList<LocalSubsystem> Deregister(int level)
    {
        var newly = subsystems.Where(subsystem => subsystem.Level == level && !subsystem.Deregistered).ToList();
        foreach (var subsystem in newly)
        {
            subsystem.Deregistered = true;
        }

        return newly;
    }

    /// <summary>What the sequencer learns of them.</summary>
    public NodeRegistrations Describe(ClusterMember self) =>
        new(self, [.. subsystems.Select(subsystem => new LevelRegistration(subsystem.Level, subsystem.Name, subsystem.Barriers)).OrderBy(registration => registration.Level)]);
}

/// <summary>One registered subsystem.</summary>
internal sealed class LocalSubsystem(string name, int level, TransitionBarriers barriers, IActorRef actor)
{
    public string Name { get; } = name;

    public int Level { get; } = level;

    public TransitionBarriers Barriers { get; } = barriers;

    public IActorRef Actor { get; } = actor;

    public bool Deregistered { get; set; }
}

/// <summary>A notice delivered to the local subsystems of one level, waiting for each of them to acknowledge.</summary>
internal sealed class PendingNotice(ImmutableArray<TransitionStep> steps, IEnumerable<IActorRef> subsystems)
{
    public ImmutableArray<TransitionStep> Steps { get; } = steps;

    public HashSet<IActorRef> Waiting { get; } = [.. subsystems];
}
