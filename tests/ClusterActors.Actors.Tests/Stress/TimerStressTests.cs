using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>Timers on the system clock and the real thread pool: ticks fire on timer threads while the actor cancels, replaces and restarts.</summary>
public sealed class TimerStressTests : TestKit.TestKit
{
    private sealed record Tick(int Generation);

    private sealed record Restart(int Generation);

    private sealed record Report(int Accepted, int Stale);

    /// <summary>
    /// Keeps one timer under one key and, on every tick it accepts, cancels or replaces it (periodic with
    /// 1 ms, or single with 0 ms): a tick of an older generation, or one arriving while cancelled, is stale.
    /// </summary>
    private sealed class Juggler : ReceiveActor
    {
        private const string Key = "juggled";
        private int generation;
        private bool cancelled;
        private int accepted;
        private int stale;

        public Juggler(int ticks, IActorRef observer)
        {
            Receive<Tick>(tick =>
            {
                if (cancelled || tick.Generation != generation)
                {
                    stale++;
                    return;
                }

                if (++accepted == ticks)
                {
                    Context.Timers.CancelAll();
                    observer.Tell(new Report(accepted, stale));
                    return;
                }

                switch (accepted % 3)
                {
                    case 0:
                        Context.Timers.StartPeriodicTimer(Key, new Tick(++generation), TimeSpan.FromMilliseconds(1));
                        break;
                    case 1:
                        Context.Timers.StartSingleTimer(Key, new Tick(++generation), TimeSpan.Zero);
                        break;
                    default:
                        Context.Timers.Cancel(Key);
                        cancelled = true;
                        Self.Tell(new Restart(generation + 1));
                        break;
                }
            });
            Receive<Restart>(restart =>
            {
                cancelled = false;
                generation = restart.Generation;
                Context.Timers.StartPeriodicTimer(Key, new Tick(generation), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
            });
            Receive<string>(s => s == "report", _ => Sender.Tell(new Report(accepted, stale)));
        }

        protected override void PreStart() => Context.Timers.StartPeriodicTimer(Key, new Tick(0), TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Starts a 1 ms periodic timer for its incarnation and fails on every third tick it receives, so it restarts while the timer fires.</summary>
    private sealed class Restarter : ReceiveActor
    {
        private readonly int incarnation;
        private int ticks;

        public Restarter(Tally incarnations, Tally stale, int restarts, IActorRef observer)
        {
            incarnation = incarnations.Increment();
            Receive<Tick>(tick =>
            {
                if (tick.Generation != incarnation)
                {
                    stale.Increment();
                    return;
                }

                if (incarnation > restarts)
                {
                    Context.Timers.CancelAll();
                    observer.Tell("done");
                    return;
                }

                if (++ticks % 3 == 0)
                {
                    throw new InvalidOperationException($"failing incarnation {incarnation} on purpose");
                }
            });
        }

        protected override void PreStart() => Context.Timers.StartPeriodicTimer("tick", new Tick(incarnation), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Replacing_or_cancelling_a_timer_racing_its_tick_never_delivers_a_stale_tick()
    {
        const int Ticks = 300;
        var jugglers = Enumerable.Range(0, 3).Select(_ => Sys.ActorOf(Props.Create(() => new Juggler(Ticks, TestActor)))).ToArray();

        for (var i = 0; i < jugglers.Length; i++)
        {
            var report = ExpectMsg<Report>(StressLimits.Hang);
            Assert.Equal(new Report(Ticks, 0), report);
        }
    }

    [Fact]
    public void Restarting_while_a_periodic_timer_fires_never_delivers_a_tick_of_the_previous_incarnation()
    {
        const int Restarts = 60;
        var incarnations = new Tally();
        var stale = new Tally();
        Sys.ActorOf(Props.Create(() => new Restarter(incarnations, stale, Restarts, TestActor)));

        ExpectMsg("done", StressLimits.Hang);
        Assert.Equal(Restarts + 1, incarnations.Value);
        Assert.Equal(Restarts, Sys.Counters.ActorRestarts);
        Assert.Equal(0, stale.Value);
    }
}
