using ClusterActors.Actors;
using Xunit.Abstractions;

namespace ClusterActors.TestKit;

/// <summary>
/// The <see cref="TestKit"/> API on virtual time: the system runs on a <see cref="VirtualTimeProvider"/>
/// and a <see cref="DeterministicDispatcher"/>. Waiting runs the dispatcher and moves the clock;
/// nothing waits in real time, and a run is reproducible from its seed.
/// </summary>
public abstract class VirtualTimeTestKit : TestKit
{
    private readonly VirtualTimeDriver virtualDriver;

    /// <summary>Creates the kit; <paramref name="seed"/> fixes the order in which ready actors run.</summary>
    protected VirtualTimeTestKit(int seed = 0, ActorSystemSettings? settings = null, ITestOutputHelper? output = null)
        : this(new VirtualTimeDriver(new VirtualTimeProvider(), new DeterministicDispatcher(seed)), settings, output)
    {
    }

    private VirtualTimeTestKit(VirtualTimeDriver driver, ActorSystemSettings? settings, ITestOutputHelper? output)
        : base((settings ?? new ActorSystemSettings()) with { TimeProvider = driver.Clock, Dispatcher = driver.Dispatcher }, output, driver)
    {
        virtualDriver = driver;
    }

    /// <summary>The virtual clock of the system.</summary>
    public VirtualTimeProvider Clock => virtualDriver.Clock;

    /// <summary>The deterministic dispatcher of the system.</summary>
    public DeterministicDispatcher Dispatcher => virtualDriver.Dispatcher;

    /// <summary>Advances the clock by exactly <paramref name="by"/>, running the dispatcher to idle between timer firings.</summary>
    public void Advance(TimeSpan by) => virtualDriver.Advance(by);

    /// <summary>Runs the dispatcher until no actor has work (the clock does not move).</summary>
    public int RunUntilIdle() => Dispatcher.RunUntilIdle();

    /// <summary>Runs the dispatcher and advances the clock timer by timer until <paramref name="task"/> completes or <paramref name="max"/> of virtual time passed; returns its result.</summary>
    public T RunUntilCompleted<T>(Task<T> task, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var wait = max ?? DefaultTimeout;
        if (!virtualDriver.WaitUntil(() => task.IsCompleted, null, wait))
        {
            throw new TestKitFailureException($"Task did not complete within {virtualDriver.Describe(wait)}.");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Like <see cref="RunUntilCompleted{T}(Task{T}, TimeSpan?)"/> for a task without result.</summary>
    public void RunUntilCompleted(Task task, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var wait = max ?? DefaultTimeout;
        if (!virtualDriver.WaitUntil(() => task.IsCompleted, null, wait))
        {
            throw new TestKitFailureException($"Task did not complete within {virtualDriver.Describe(wait)}.");
        }

        task.GetAwaiter().GetResult();
    }
}
