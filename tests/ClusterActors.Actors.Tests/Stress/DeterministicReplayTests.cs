using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>The deterministic dispatcher stays reproducible when async handlers, timers and asks (replies and timeouts) interleave across several actors.</summary>
public sealed class DeterministicReplayTests
{
    private sealed record Beat;

    private sealed record Job(int N);

    private sealed record Request(int N);

    private sealed record Answer(int N, IActorRef To);

    private sealed record Note(string From, int N);

    /// <summary>Answers a request after N mod 5 ms (on a timer), except every seventh, which it ignores so the ask times out.</summary>
    private sealed class Calculator : ReceiveActor
    {
        public Calculator()
        {
            Receive<Request>(r =>
            {
                if (r.N % 7 != 0)
                {
                    Context.Timers.StartSingleTimer(r.N, new Answer(r.N, Sender), TimeSpan.FromMilliseconds(r.N % 5));
                }
            });
            Receive<Answer>(a => a.To.Tell(a.N * 2));
        }
    }

    /// <summary>On each beat of its periodic timer starts a job; a job asks the calculator, sometimes yields, and notes its peer.</summary>
    private sealed class Worker : ReceiveActor
    {
        private IActorRef? peer;
        private int jobs;

        public Worker(int index, IActorRef calculator, VirtualTimeProvider clock, List<string> trace)
        {
            var name = $"w{index}";
            void Log(string what) => trace.Add($"{clock.GetUtcNow().ToUnixTimeMilliseconds() % 100_000} {name} {what}");
            Receive<IActorRef>(p => peer = p);
            Receive<Beat>(_ => Self.Tell(new Job((index * 10_000) + jobs++)));
            ReceiveAsync<Job>(async job =>
            {
                Log($"start {job.N}");
                try
                {
                    var answer = await calculator.Ask<int>(new Request(job.N), TimeSpan.FromMilliseconds(8));
                    Log($"got {answer}");
                }
                catch (AskTimeoutException)
                {
                    Log($"timeout {job.N}");
                }

                if (job.N % 3 == 0)
                {
                    await Task.Yield();
                    Log($"yielded {job.N}");
                }

                peer?.Tell(new Note(name, job.N));
            });
            Receive<Note>(note => Log($"note {note.From}:{note.N}"));
            Context.Timers.StartPeriodicTimer("beat", new Beat(), TimeSpan.FromMilliseconds(index + 1), TimeSpan.FromMilliseconds(4 + index));
        }
    }

    private static List<string> Run(int seed)
    {
        var dispatcher = new DeterministicDispatcher(seed);
        var clock = new VirtualTimeProvider();
        var trace = new List<string>();
        var system = ActorSystem.Create("replay", new ActorSystemSettings { Dispatcher = dispatcher, TimeProvider = clock, LogDeadLetters = false });
        var calculator = system.ActorOf(Props.Create<Calculator>(), "calculator");
        var workers = Enumerable.Range(0, 3).Select(i => system.ActorOf(Props.Create(() => new Worker(i, calculator, clock, trace)), $"w{i}")).ToArray();
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i].Tell(workers[(i + 1) % workers.Length]);
        }

        dispatcher.RunUntilIdle();
        var end = clock.GetUtcNow().AddMilliseconds(200);
        while (clock.NextDueTime is { } next && next <= end)
        {
            clock.AdvanceTo(next);
            dispatcher.RunUntilIdle();
        }

        var terminated = system.Terminate();
        dispatcher.RunUntilIdle();
        while (!terminated.IsCompleted && clock.AdvanceToNextTimer())
        {
            dispatcher.RunUntilIdle();
        }

        Assert.True(terminated.IsCompleted);
        return trace;
    }

    [Fact]
    public void The_same_seed_replays_async_handlers_timers_and_asks_identically()
    {
        var first = Run(seed: 1234);
        var second = Run(seed: 1234);

        Assert.Equal(first, second);
        Assert.Contains(first, line => line.Contains(" got ", StringComparison.Ordinal));
        Assert.Contains(first, line => line.Contains(" timeout ", StringComparison.Ordinal));
        Assert.Contains(first, line => line.Contains(" yielded ", StringComparison.Ordinal));
        Assert.Contains(first, line => line.Contains(" note ", StringComparison.Ordinal));
        Assert.True(first.Count > 200, $"only {first.Count} trace lines");
    }

    [Fact]
    public void Different_seeds_interleave_the_same_scenario_differently()
    {
        var traces = Enumerable.Range(1, 4).Select(seed => string.Join("\n", Run(seed))).ToHashSet();

        Assert.True(traces.Count > 1, "four seeds all produced the same interleaving");
    }
}
