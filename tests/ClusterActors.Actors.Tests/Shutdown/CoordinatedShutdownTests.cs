using System.Collections.Concurrent;
using ClusterActors.Actors.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Actors.Tests.Shutdown;

public sealed class CoordinatedShutdownTests : TestKit.VirtualTimeTestKit
{
    private readonly CapturingLoggerFactory logs;

    public CoordinatedShutdownTests()
        : this(new CapturingLoggerFactory())
    {
    }

    private CoordinatedShutdownTests(CapturingLoggerFactory logs)
        : base(settings: new ActorSystemSettings
        {
            LoggerFactory = logs,
            ShutdownPhaseTimeouts = new Dictionary<string, TimeSpan> { ["service-unbind"] = TimeSpan.FromSeconds(5) },
        })
    {
        this.logs = logs;
    }

    /// <summary>Records its PostStop in a shared log; may have children.</summary>
    private sealed class Recorder : ReceiveActor
    {
        private readonly string name;
        private readonly ConcurrentQueue<string> stops;

        public Recorder(string name, ConcurrentQueue<string> stops, int children)
        {
            this.name = name;
            this.stops = stops;
            for (var i = 0; i < children; i++)
            {
                var childName = $"{name}-child{i}";
                Context.ActorOf(Props.Create(() => new Recorder(childName, stops, 0)), childName);
            }

            ReceiveAny(_ => { });
        }

        protected override void PostStop() => stops.Enqueue(name);
    }

    [Fact]
    public void Phases_run_strictly_in_order()
    {
        var ran = new ConcurrentQueue<string>();
        foreach (var phase in CoordinatedShutdown.Phases.Reverse())
        {
            Sys.CoordinatedShutdown.AddTask(phase, "record", _ =>
            {
                ran.Enqueue(phase);
                return Task.CompletedTask;
            });
        }

        RunUntilCompleted(Sys.Terminate());

        Assert.Equal(CoordinatedShutdown.Phases, ran);
        Assert.Equal(ShutdownReason.ActorSystemTerminate, Sys.CoordinatedShutdown.Reason);
    }

    [Fact]
    public void A_hanging_task_times_out_on_virtual_time_is_logged_and_the_next_phase_still_runs()
    {
        var hangingToken = CancellationToken.None;
        var nextPhaseRanAt = DateTimeOffset.MinValue;
        var start = Clock.GetUtcNow();
        Sys.CoordinatedShutdown.AddTask("service-unbind", "hangs-forever", token =>
        {
            hangingToken = token;
            return new TaskCompletionSource().Task;
        });
        Sys.CoordinatedShutdown.AddTask("service-requests-done", "next", _ =>
        {
            nextPhaseRanAt = Clock.GetUtcNow();
            return Task.CompletedTask;
        });

        RunUntilCompleted(Sys.Terminate(), TimeSpan.FromMinutes(1));

        Assert.Equal(start + TimeSpan.FromSeconds(5), nextPhaseRanAt);
        Assert.True(hangingToken.IsCancellationRequested);
        Assert.Contains(logs.Lines(LogLevel.Warning), l => l.Contains("service-unbind", StringComparison.Ordinal) && l.Contains("hangs-forever", StringComparison.Ordinal));
        Assert.True(Sys.IsTerminated);
    }

    [Fact]
    public void A_failing_task_is_logged_and_the_shutdown_continues()
    {
        var after = false;
        Sys.CoordinatedShutdown.AddTask("service-stop", "explodes", _ => throw new InvalidOperationException("kaboom"));
        Sys.CoordinatedShutdown.AddTask("cluster-leave", "after", _ =>
        {
            after = true;
            return Task.CompletedTask;
        });

        RunUntilCompleted(Sys.Terminate());

        Assert.True(after);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("explodes", StringComparison.Ordinal) && e.Text.Contains("service-stop", StringComparison.Ordinal));
    }

    [Fact]
    public void Terminate_stops_every_actor_children_first_user_before_system_and_completes_WhenTerminated()
    {
        var stops = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new Recorder("user-a", stops, 2)), "user-a");
        Sys.ActorOf(Props.Create(() => new Recorder("user-b", stops, 0)), "user-b");
        Sys.SystemActorOf(Props.Create(() => new Recorder("system-a", stops, 1)), "system-a");
        RunUntilIdle();

        var termination = Sys.Terminate();
        Assert.Same(termination, Sys.Terminate());
        RunUntilCompleted(termination);

        Assert.True(Sys.WhenTerminated.IsCompleted);
        var order = stops.ToList();
        Assert.Equal(6, order.Count);
        Assert.True(order.IndexOf("user-a-child0") < order.IndexOf("user-a"));
        Assert.True(order.IndexOf("user-a-child1") < order.IndexOf("user-a"));
        Assert.True(order.IndexOf("system-a-child0") < order.IndexOf("system-a"));
        Assert.True(order.IndexOf("user-a") < order.IndexOf("system-a-child0"));
        Assert.True(order.IndexOf("user-b") < order.IndexOf("system-a-child0"));
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new Recorder("late", stops, 0))));
    }

    [Fact]
    public void Tasks_cannot_be_added_to_unknown_phases_or_after_the_start()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Sys.CoordinatedShutdown.AddTask("no-such-phase", "t", _ => Task.CompletedTask));
        Assert.Contains("before-service-unbind", unknown.Message, StringComparison.Ordinal);

        var termination = Sys.Terminate();
        Assert.Throws<InvalidOperationException>(() => Sys.CoordinatedShutdown.AddTask("service-stop", "late", _ => Task.CompletedTask));
        RunUntilCompleted(termination);
    }
}

public sealed class TerminateOnRealTimeTests : TestKit.TestKit
{
    private sealed class Stopping : ReceiveActor
    {
        private readonly TaskCompletionSource stopped;

        public Stopping(TaskCompletionSource stopped)
        {
            this.stopped = stopped;
            ReceiveAny(_ => { });
        }

        protected override void PostStop() => stopped.SetResult();
    }

    [Fact]
    public async Task Terminate_on_the_thread_pool_stops_actors_and_completes_WhenTerminated()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Sys.ActorOf(Props.Create(() => new Stopping(stopped)));

        await Sys.Terminate().WaitAsync(TestKit.TestKitSettings.DefaultTimeout);

        Assert.True(stopped.Task.IsCompleted);
        Assert.True(Sys.IsTerminated);
    }
}
