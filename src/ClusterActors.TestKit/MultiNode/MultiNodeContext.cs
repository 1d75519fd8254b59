using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.TestKit;

/// <summary>What a role's scenario sees: its own node, the others' addresses, barriers, and the conductor's controls (faults, exit, shutdown).</summary>
/// <remarks>The scenario runs once per role, concurrently; <see cref="RunOn(RoleName[], Func{Task})"/> picks the roles a step is for.</remarks>
public sealed class MultiNodeContext
{
    private readonly MultiNodeRun run;

    internal MultiNodeContext(MultiNodeRun run, RoleName myself)
    {
        this.run = run;
        Myself = myself;
    }

    /// <summary>The role this copy of the scenario runs as.</summary>
    public RoleName Myself { get; }

    /// <summary>Every role of the spec.</summary>
    public IReadOnlyList<RoleName> Roles => run.Roles;

    /// <summary>This role's node.</summary>
    public RemoteActorSystem Remote => run.NodeOf(Myself);

    /// <summary>This role's actor system.</summary>
    public ActorSystem System => Remote.System;

    /// <summary>The address and run of <paramref name="role"/>'s node.</summary>
    public RoleNode Node(RoleName role) => run.RoleNodeOf(role);

    /// <summary>True when this copy runs as one of <paramref name="roles"/>.</summary>
    public bool IsNode(params RoleName[] roles) => roles.Contains(Myself);

    /// <summary>Runs <paramref name="action"/> only on the listed roles.</summary>
    public async Task RunOn(RoleName[] roles, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(action);
        if (IsNode(roles))
        {
            await action().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="action"/> only on <paramref name="role"/>.</summary>
    public Task RunOn(RoleName role, Func<Task> action) => RunOn([role], action);

    /// <summary>Runs <paramref name="action"/> only on the listed roles.</summary>
    public void RunOn(RoleName[] roles, Action action)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(action);
        if (IsNode(roles))
        {
            action();
        }
    }

    /// <summary>Waits until every role still in the spec entered the barrier <paramref name="name"/>.</summary>
    public Task EnterBarrier(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return run.Barriers.Enter(Myself, name, run.BarrierTimeout);
    }

    /// <summary>Makes messages on the link between two roles vanish in <paramref name="direction"/> (Send: <paramref name="from"/> to <paramref name="to"/>).</summary>
    public void Blackhole(RoleName from, RoleName to, LinkDirection direction) =>
        run.Faults.Blackhole(Node(from).Address, Node(to).Address, direction);

    /// <summary>Lifts every fault between two roles, both ways.</summary>
    public void PassThrough(RoleName a, RoleName b) => run.Faults.PassThrough(Node(a).Address, Node(b).Address);

    /// <summary>Crashes <paramref name="role"/>'s node: its connections drop without a goodbye and its scenario ends at its next barrier.</summary>
    public Task Exit(RoleName role) => run.ExitAsync(role);

    /// <summary>Shuts <paramref name="role"/>'s node down gracefully (peers are told); its scenario ends at its next barrier.</summary>
    public Task Shutdown(RoleName role) => run.ShutdownAsync(role);

    /// <summary>Crashes <paramref name="role"/>'s node and starts a new run of it (a new incarnation) at the same address; <see cref="Remote"/> then names the new run.</summary>
    public Task Restart(RoleName role) => run.RestartAsync(role);

    /// <summary>A probe on this role's node.</summary>
    public TestProbe CreateTestProbe(string? name = null) => run.CreateProbe(Myself, name);

    /// <summary>The ref of the actor at <paramref name="pathFromRoot"/> (e.g. <c>/user/echo</c>) on <paramref name="role"/>'s node, as seen from this node.</summary>
    public IActorRef ResolveRef(RoleName role, string pathFromRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathFromRoot);
        if (!pathFromRoot.StartsWith('/'))
        {
            throw new ArgumentException($"'{pathFromRoot}' must start at the root, e.g. /user/echo.", nameof(pathFromRoot));
        }

        return Remote.ResolveRef(Node(role).Address + pathFromRoot);
    }
}
