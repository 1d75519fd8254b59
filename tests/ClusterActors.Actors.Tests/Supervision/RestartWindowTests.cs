using Xunit;

namespace ClusterActors.Actors.Tests.Supervision;

public sealed class RestartWindowTests : TestKit.VirtualTimeTestKit
{
    private sealed class Fragile : ReceiveActor
    {
        public Fragile() => Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("again"));
    }

    private sealed class Supervisor : ReceiveActor
    {
        public Supervisor(IActorRef observer)
        {
            var child = Context.ActorOf(Props.Create<Fragile>(), "fragile");
            observer.Tell(child);
            ReceiveAny(m => child.Forward(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(1, TimeSpan.FromSeconds(10), _ => Directive.Restart);
    }

    [Fact]
    public void Restarts_are_counted_within_the_window_measured_on_the_system_clock()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(TestActor)));
        var child = Watch(ExpectMsg<IActorRef>());

        supervisor.Tell("fail");
        RunUntilIdle();
        Advance(TimeSpan.FromSeconds(11));
        supervisor.Tell("fail");
        RunUntilIdle();
        Assert.Equal(2, Sys.Counters.ActorRestarts);
        ExpectNoMsg(TimeSpan.FromSeconds(1));

        supervisor.Tell("fail");
        ExpectTerminated(child);
        Assert.Equal(2, Sys.Counters.ActorRestarts);
    }
}
