using ClusterActors.Actors.Tests.Support;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>A reply racing its ask's timeout on real timers: exactly one outcome per ask, the loser accounted for, every timeout timer disposed.</summary>
public sealed class AskReplyRacingTimeoutStressTests : TestKit.TestKit
{
    private readonly CountingTimeProvider clock;

    public AskReplyRacingTimeoutStressTests()
        : this(new CountingTimeProvider(TimeProvider.System))
    {
    }

    private AskReplyRacingTimeoutStressTests(CountingTimeProvider clock)
        : base(new ActorSystemSettings { TimeProvider = clock, LogDeadLetters = false })
    {
        this.clock = clock;
    }

    /// <summary>Replies to every int with itself.</summary>
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<int>(n => Sender.Tell(n));
    }

    [Fact]
    public async Task A_reply_racing_the_timeout_has_exactly_one_outcome_and_every_timer_is_disposed()
    {
        const int Loops = 8;
        const int AsksPerLoop = 1_000;
        const int Asks = Loops * AsksPerLoop;
        var lateReplies = new Tally();
        var deadLetterWatcher = Sys.ActorOf(Props.Create(() => new LateReplyCounter(lateReplies)));
        Sys.EventStream.Subscribe(deadLetterWatcher, typeof(DeadLetter));
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var unobserved = new Tally();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.InnerExceptions.Any(x => x is AskTimeoutException && x.Message.Contains(Sys.Name + "/", StringComparison.Ordinal)))
            {
                unobserved.Increment();
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // Loops that each keep one ask open at a time, with timeouts of 0 ms (one tick, rounded down) and 1 ms:
            // the timer and the echo's reply reach the promise at about the same moment.
            var asks = new Task<int>[Loops * AsksPerLoop];
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Loops).Select(loop => Task.Run(async () =>
            {
                var results = new List<string>(AsksPerLoop);
                for (var i = 0; i < AsksPerLoop; i++)
                {
                    var n = (loop * AsksPerLoop) + i;
                    asks[n] = echo.Ask<int>(n, TimeSpan.FromTicks(1 + (n % 2 * TimeSpan.TicksPerMillisecond)));
                    results.Add(await Outcome(asks[n]));
                }

                return results;
            }))).WaitAsync(StressLimits.Hang);

            var replies = outcomes.Sum(l => l.Count(o => o == "reply"));
            var timeouts = outcomes.Sum(l => l.Count(o => o == "timeout"));
            Assert.Equal(Asks, replies + timeouts);
            Assert.All(asks.Select((t, i) => (t, i)).Where(x => x.t.IsCompletedSuccessfully), x => Assert.Equal(x.i, x.t.Result));

            // The echo replies to every ask, so each reply that lost the race is a dead letter, and only those.
            await AwaitConditionAsync(() => lateReplies.Value == timeouts, StressLimits.Hang, $"late replies {lateReplies.Value} != timeouts {timeouts}");
            await AwaitConditionAsync(() => clock.TimersDisposed == Asks, StressLimits.Hang, $"{clock.TimersDisposed} of {Asks} ask timers disposed");
            Assert.Equal(Asks, clock.TimersCreated);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Equal(0, unobserved.Value);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private static async Task<string> Outcome(Task<int> ask)
    {
        try
        {
            await ask;
            return "reply";
        }
        catch (AskTimeoutException)
        {
            return "timeout";
        }
    }

    /// <summary>Counts dead letters that are int replies to an ask.</summary>
    private sealed class LateReplyCounter : ReceiveActor
    {
        public LateReplyCounter(Tally count) => Receive<DeadLetter>(d =>
        {
            if (d.Message is int)
            {
                count.Increment();
            }
        });
    }
}

/// <summary>Many asks racing the stop of the asked actor: every ask completes with a reply or, once the clock passes its timeout, an <see cref="AskTimeoutException"/>; none hangs.</summary>
public sealed class AskRacingStopStressTests : TestKit.TestKit
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly VirtualTimeProvider clock;

    public AskRacingStopStressTests()
        : this(new VirtualTimeProvider())
    {
    }

    // Real threads, virtual clock: the timeouts fire when the test moves the clock, not while it waits.
    private AskRacingStopStressTests(VirtualTimeProvider clock)
        : base(new ActorSystemSettings { TimeProvider = clock, LogDeadLetters = false })
    {
        this.clock = clock;
    }

    /// <summary>Replies to every int; stops itself after a given number of them.</summary>
    private sealed class StoppingEcho : ReceiveActor
    {
        public StoppingEcho(int stopAfter, Tally processed) => Receive<int>(n =>
        {
            Sender.Tell(n);
            if (processed.Increment() == stopAfter)
            {
                Context.Stop(Self);
            }
        });
    }

    [Fact]
    public async Task Concurrent_asks_to_an_actor_that_stops_midway_all_complete()
    {
        const int Rounds = 10;
        const int Threads = 4;
        const int PerThread = 500;
        for (var round = 0; round < Rounds; round++)
        {
            var processed = new Tally();
            var deadBefore = Sys.Counters.DeadLetters;
            var echo = Sys.ActorOf(Props.Create(() => new StoppingEcho(100 + (round * 180), processed)));
            Watch(echo);
            var asks = new Task<int>[Threads * PerThread];
            ConcurrentProducers.Run(Threads, id =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    asks[(id * PerThread) + i] = echo.Ask<int>(i, AskTimeout);
                }
            });
            ExpectTerminated(echo, StressLimits.Hang);

            // Replies are told on the echo's turn, before its Terminated: what is still open now got no reply.
            var replied = asks.Count(a => a.IsCompletedSuccessfully);
            Assert.Equal(processed.Value, replied);
            Assert.Equal(asks.Length - replied, Sys.Counters.DeadLetters - deadBefore);

            clock.Advance(AskTimeout);
            await Task.WhenAll(asks.Select(a => a.ContinueWith(static _ => { }, TaskScheduler.Default))).WaitAsync(StressLimits.Hang);
            Assert.All(asks, a => Assert.True(a.IsCompletedSuccessfully || a.Exception?.InnerException is AskTimeoutException, $"ask ended {a.Status}"));
            Assert.Equal(replied, asks.Count(a => a.IsCompletedSuccessfully));
        }
    }
}
