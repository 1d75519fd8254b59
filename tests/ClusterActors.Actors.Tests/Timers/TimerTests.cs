using Xunit;

namespace ClusterActors.Actors.Tests.Timers;

public sealed class TimerTests : TestKit.VirtualTimeTestKit
{
    private sealed record Start(object Key, object Message, TimeSpan Delay, bool Periodic = false);

    private sealed record Cancel(object Key);

    /// <summary>Starts and cancels timers on request and forwards every other message to the observer.</summary>
    private sealed class TimerOwner : ReceiveActor
    {
        public TimerOwner(IActorRef observer)
        {
            Receive<Start>(s =>
            {
                if (s.Periodic)
                {
                    Context.Timers.StartPeriodicTimer(s.Key, s.Message, s.Delay);
                }
                else
                {
                    Context.Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                }
            });
            Receive<Cancel>(c =>
            {
                Context.Timers.Cancel(c.Key);
                observer.Tell($"cancelled, active: {Context.Timers.IsTimerActive(c.Key)}");
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            ReceiveAny(m => observer.Tell(m));
        }
    }

    private IActorRef Owner() => Sys.ActorOf(Props.Create(() => new TimerOwner(TestActor)));

    [Fact]
    public void A_single_timer_fires_once_after_its_delay()
    {
        var owner = Owner();
        owner.Tell(new Start("k", "tick", TimeSpan.FromSeconds(5)));

        Advance(TimeSpan.FromSeconds(4.999));
        ExpectNoMsg(TimeSpan.Zero);
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("tick", TimeSpan.Zero);
        ExpectNoMsg(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval()
    {
        var owner = Owner();
        owner.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1), Periodic: true));

        Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3, TimeSpan.Zero));
        ExpectNoMsg(TimeSpan.FromSeconds(0.4));
        ExpectMsg("tick", TimeSpan.FromSeconds(0.2));
    }

    [Fact]
    public void Starting_a_timer_with_a_key_in_use_replaces_it()
    {
        var owner = Owner();
        owner.Tell(new Start("k", "first", TimeSpan.FromSeconds(5)));
        RunUntilIdle();
        owner.Tell(new Start("k", "second", TimeSpan.FromSeconds(2)));

        ExpectMsg("second");
        ExpectNoMsg(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Cancel_drops_a_tick_that_is_already_queued()
    {
        var owner = Owner();
        owner.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1)));
        RunUntilIdle();

        owner.Tell(new Cancel("k"));
        Clock.Advance(TimeSpan.FromSeconds(1));

        ExpectMsg("cancelled, active: False");
        ExpectNoMsg(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var owner = Owner();
        owner.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1), Periodic: true));
        RunUntilIdle();
        Sys.Stop(owner);
        RunUntilIdle();

        ExpectNoMsg(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Sys.Counters.DeadLetters);
        Assert.Null(Clock.NextDueTime);
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var owner = Owner();
        owner.Tell(new Start("k", "tick", TimeSpan.FromSeconds(1), Periodic: true));
        owner.Tell("fail");
        RunUntilIdle();

        ExpectNoMsg(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Sys.Counters.ActorRestarts);
    }
}
