using Xunit;

namespace ClusterActors.Actors.Tests.Timers;

/// <summary>A timer started by the last code an actor runs, its PostStop, dies with the actor instead of ticking into nothing forever.</summary>
public sealed class TimerStartedInPostStopTests : TestKit.VirtualTimeTestKit
{
    /// <summary>Starts a periodic timer in PostStop (say, a retry it forgot cannot happen any more).</summary>
    private sealed class LateScheduler : ReceiveActor
    {
        public LateScheduler() => ReceiveAny(_ => { });

        protected override void PostStop() => Context.Timers.StartPeriodicTimer("retry", "retry", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_periodic_timer_started_in_PostStop_is_cancelled_when_the_actor_has_stopped()
    {
        var actor = Sys.ActorOf(Props.Create<LateScheduler>());
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Null(Clock.NextDueTime);
    }
}
