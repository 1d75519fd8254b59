using ClusterActors.Actors;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ClusterActors.TestKit;

/// <summary>Base of actor tests: one <see cref="ActorSystem"/> per test (terminated on Dispose), a default probe (<see cref="TestActor"/>) and waiting helpers that never sleep.</summary>
public abstract class TestKit : IDisposable
{
    private static long systemCounter;
    private readonly TestTimeDriver driver;
    private readonly TestProbe testProbe;
    private long probeCounter;
    private bool disposed;

    /// <summary>A test kit on real time (the settings' clock and dispatcher, default the system clock and thread pool).</summary>
    protected TestKit(ActorSystemSettings? settings = null, ITestOutputHelper? output = null)
        : this(settings ?? new ActorSystemSettings(), output, new RealTimeDriver())
    {
    }

    private protected TestKit(ActorSystemSettings settings, ITestOutputHelper? output, TestTimeDriver driver)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.driver = driver;
        if (output is not null && settings.LoggerFactory is NullLoggerFactory)
        {
            settings = settings with { LoggerFactory = new TestOutputLoggerFactory(output) };
        }

        Sys = ActorSystem.Create($"test-{Interlocked.Increment(ref systemCounter)}", settings);
        testProbe = new TestProbe(Sys, driver, "testActor");
    }

    /// <summary>The test's actor system.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The default probe's ref.</summary>
    public IActorRef TestActor => testProbe.Ref;

    /// <summary>The sender of the last message the default probe received.</summary>
    public IActorRef LastSender => testProbe.LastSender;

    /// <summary>The default wait of the Expect*/Await* methods.</summary>
    protected TimeSpan DefaultTimeout => driver.DefaultTimeout;

    /// <summary>Creates another probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, driver, name ?? $"probe-{Interlocked.Increment(ref probeCounter)}");

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? max = null) => testProbe.ExpectMsg<T>(max);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>
    public T ExpectMsg<T>(Predicate<T> isMatch, TimeSpan? max = null) => testProbe.ExpectMsg(isMatch, max);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? max = null) => testProbe.ExpectMsg(expected, max);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? max = null) => testProbe.ExpectMsgAsync<T>(max);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg(TimeSpan)"/>
    public void ExpectNoMsg(TimeSpan duration) => testProbe.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}(Predicate{T}, TimeSpan?)"/>
    public T FishForMessage<T>(Predicate<T> isMatch, TimeSpan? max = null) => testProbe.FishForMessage(isMatch, max);

    /// <inheritdoc cref="TestProbe.ReceiveOne(TimeSpan?)"/>
    public object ReceiveOne(TimeSpan? max = null) => testProbe.ReceiveOne(max);

    /// <inheritdoc cref="TestProbe.ReceiveN(int, TimeSpan?)"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null) => testProbe.ReceiveN(count, max);

    /// <inheritdoc cref="TestProbe.Watch(IActorRef)"/>
    public IActorRef Watch(IActorRef actor) => testProbe.Watch(actor);

    /// <inheritdoc cref="TestProbe.Unwatch(IActorRef)"/>
    public IActorRef Unwatch(IActorRef actor) => testProbe.Unwatch(actor);

    /// <inheritdoc cref="TestProbe.ExpectTerminated(IActorRef, TimeSpan?)"/>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? max = null) => testProbe.ExpectTerminated(actor, max);

    /// <inheritdoc cref="TestProbe.AwaitCondition(Func{bool}, TimeSpan?, string?)"/>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null) => testProbe.AwaitCondition(condition, max, message);

    /// <inheritdoc cref="TestProbe.AwaitConditionAsync(Func{bool}, TimeSpan?, string?)"/>
    public Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, string? message = null) => testProbe.AwaitConditionAsync(condition, max, message);

    /// <summary>Re-runs <paramref name="assertion"/> until it stops throwing; after <paramref name="max"/> rethrows its last failure.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        Exception? last = null;
        var wait = max ?? driver.DefaultTimeout;
        if (!driver.WaitUntil(() => Passes(assertion, ref last), null, wait, interval))
        {
            throw AssertFailed(wait, last);
        }
    }

    /// <summary>The async form of <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        Exception? last = null;
        var wait = max ?? driver.DefaultTimeout;
        if (!await driver.WaitUntilAsync(() => Passes(assertion, ref last), null, wait, interval))
        {
            throw AssertFailed(wait, last);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the actor system and waits for it; fails if it does not terminate in time.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }

        disposed = true;
        var termination = Sys.Terminate();
        var wait = driver.IsVirtual ? TimeSpan.FromHours(1) : TestKitSettings.ShutdownTimeout;
        var terminated = driver.IsVirtual ? driver.WaitUntil(() => termination.IsCompleted, null, wait) : termination.Wait(wait);
        if (!terminated)
        {
            throw new TestKitFailureException($"Actor system {Sys.Name} did not terminate within {driver.Describe(wait)}.");
        }
    }

    private static bool Passes(Action assertion, ref Exception? last)
    {
        try
        {
            assertion();
            return true;
        }
        catch (Exception e)
        {
            last = e;
            return false;
        }
    }

    private TestKitFailureException AssertFailed(TimeSpan waited, Exception? last) =>
        last is null
            ? new($"Assertion did not pass within {driver.Describe(waited)}.")
            : new($"Assertion still failing after {driver.Describe(waited)}: {last.Message}", last);
}
