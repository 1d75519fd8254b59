namespace ClusterActors.Actors;

/// <summary>
/// Akka's ordered shutdown: named phases run strictly in order, the tasks of one phase concurrently,
/// each phase bounded by its timeout on the system's clock (a task that fails or overruns is logged
/// with phase and name, and the next phase runs anyway). The last phase stops /user, then /system,
/// then completes <see cref="ActorSystem.WhenTerminated"/>.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>The phases, in the order they run.</summary>
    public static IReadOnlyList<string> Phases { get; } =
    [
        "before-service-unbind",
        "service-unbind",
        "service-requests-done",
        "service-stop",
        "before-cluster-shutdown",
        "cluster-sharding-shutdown-region",
        "cluster-leave",
        "cluster-exiting",
        "cluster-exiting-done",
        "cluster-shutdown",
        "before-actor-system-terminate",
        "actor-system-terminate",
    ];

    private const string LastPhase = "actor-system-terminate";

    private readonly ActorSystem system;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<(string Name, Func<CancellationToken, Task> Task)>> tasks = new(StringComparer.Ordinal);
    private Task<Done>? running;
    private ShutdownReason? reason;

    internal CoordinatedShutdown(ActorSystem system)
    {
        this.system = system;
    }

    /// <summary>Why the shutdown runs; null until it started.</summary>
    public ShutdownReason? Reason
    {
        get
        {
            lock (gate)
            {
                return reason;
            }
        }
    }

    /// <summary>Adds a task to <paramref name="phase"/>; the token is cancelled when the phase times out. Throws for an unknown phase or once the shutdown started.</summary>
    public void AddTask(string phase, string taskName, Func<CancellationToken, Task> task)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(task);
        if (!Phases.Contains(phase))
        {
            throw new ArgumentException($"There is no shutdown phase '{phase}' (task '{taskName}'); the phases are {string.Join(", ", Phases)}.", nameof(phase));
        }

        lock (gate)
        {
            if (running is not null)
            {
                throw new InvalidOperationException($"Cannot add task '{taskName}' to phase '{phase}': the coordinated shutdown already started ({reason}).");
            }

            if (!tasks.TryGetValue(phase, out var list))
            {
                tasks[phase] = list = [];
            }

            list.Add((taskName, task));
        }
    }

    /// <summary>Starts the shutdown (once; later calls return the same task, whatever their reason).</summary>
    public Task<Done> Run(ShutdownReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (gate)
        {
            if (running is not null)
            {
                return running;
            }

            this.reason = reason;
            KernelLog.ShutdownStarted(system.Log, system.Name, reason.Name);

            // Continuations run on the system's dispatcher context, so a deterministic run stays deterministic.
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(system.Dispatcher.SynchronizationContext);
            try
            {
                running = RunPhases();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }

            return running;
        }
    }

    private async Task<Done> RunPhases()
    {
        await Task.Yield();
        foreach (var phase in Phases)
        {
            await RunPhase(phase);
        }

        system.OnShutdownCompleted();
        return Done.Instance;
    }

    private async Task RunPhase(string phase)
    {
        List<(string Name, Func<CancellationToken, Task> Task)> phaseTasks;
        lock (gate)
        {
            phaseTasks = tasks.TryGetValue(phase, out var list) ? [.. list] : [];
        }

        var timeout = system.Settings.ShutdownPhaseTimeouts.TryGetValue(phase, out var specific) ? specific : system.Settings.ShutdownPhaseTimeout;
        using var cancellation = new CancellationTokenSource();
        var started = phaseTasks.Select(t => (t.Name, Task: RunTask(phase, t.Name, t.Task, cancellation.Token))).ToList();
        if (phase == LastPhase)
        {
            started.Add(("stop-actors", system.StopGuardians()));
        }

        if (started.Count == 0)
        {
            return;
        }

        KernelLog.ShutdownPhase(system.Log, phase, started.Count);
        try
        {
            await Task.WhenAll(started.Select(s => s.Task)).WaitAsync(timeout, system.TimeProvider);
        }
        catch (TimeoutException)
        {
            foreach (var (name, task) in started.Where(s => !s.Task.IsCompleted))
            {
                KernelLog.ShutdownTaskTimedOut(system.Log, phase, name, timeout);
            }

            await cancellation.CancelAsync();
        }
    }

    private async Task RunTask(string phase, string name, Func<CancellationToken, Task> task, CancellationToken token)
    {
        try
        {
            await task(token);
        }
        catch (Exception e)
        {
            KernelLog.ShutdownTaskFailed(system.Log, e, phase, name);
        }
    }
}
