using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Behavior;

public sealed class ReceiveAsyncTests : TestKit.VirtualTimeTestKit
{
    /// <summary>"work" awaits the test's gate then replies to its original sender; "ping" replies at once.</summary>
    private sealed class Worker : ReceiveActor
    {
        public Worker(Task gate, IActorRef observer)
        {
            ReceiveAsync<string>(async _ =>
            {
                observer.Tell("started");
                var before = Sender;
                await gate;
                Sender.Tell(before.Equals(Sender) ? "done-same-sender" : "done-other-sender");
                Context.Self.Tell("ping", observer);
            }, s => s == "work");
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    /// <summary>Fails after an await; reports its lifecycle.</summary>
    private sealed class FailingAfterAwait : ReceiveActor
    {
        public FailingAfterAwait(Task gate, IActorRef observer)
        {
            observer.Tell("created");
            ReceiveAsync<string>(async _ =>
            {
                await gate;
                throw new InvalidOperationException("async boom");
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            Sender.Tell(reason.Message);
            base.PreRestart(reason, message);
        }
    }

    /// <summary>Asks another actor from inside an async handler and relays the answer.</summary>
    private sealed class Asker : ReceiveActor
    {
        public Asker(IActorRef doubler) => ReceiveAsync<int>(async n =>
        {
            var answer = await doubler.Ask<int>(n);
            Sender.Tell((answer, Environment.CurrentManagedThreadId));
        });
    }

    private sealed class Doubler : ReceiveActor
    {
        public Doubler() => Receive<int>(n => Sender.Tell(n * 2));
    }

    [Fact]
    public void No_other_message_is_processed_until_the_async_handler_completes_and_sender_stays_valid()
    {
        var gate = new TaskCompletionSource();
        var observer = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new Worker(gate.Task, observer.Ref)));
        var other = CreateTestProbe();

        worker.Tell("work", TestActor);
        observer.ExpectMsg("started");
        worker.Tell("ping", other.Ref);
        other.ExpectNoMsg(TimeSpan.FromSeconds(1));

        gate.SetResult();
        ExpectMsg("done-same-sender");
        other.ExpectMsg("pong");
        observer.ExpectMsg("pong");
    }

    [Fact]
    public void A_fault_after_an_await_goes_to_supervision_and_restarts_the_actor()
    {
        var gate = new TaskCompletionSource();
        var observer = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new FailingAfterAwait(gate.Task, observer.Ref)));
        observer.ExpectMsg("created");

        actor.Tell("go", TestActor);
        RunUntilIdle();
        gate.SetResult();

        ExpectMsg("async boom");
        observer.ExpectMsg("created");
        Assert.Equal(1, Sys.Counters.ActorRestarts);
    }

    [Fact]
    public void Ask_inside_an_async_handler_completes_through_the_deterministic_dispatcher()
    {
        var doubler = Sys.ActorOf(Props.Create<Doubler>());
        var asker = Sys.ActorOf(Props.Create(() => new Asker(doubler)));
        asker.Tell(21, TestActor);

        var (answer, thread) = ExpectMsg<(int, int)>();
        Assert.Equal(42, answer);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }
}

public sealed class ReceiveAsyncOnThreadPoolTests : TestKit.TestKit
{
    /// <summary>Yields to the thread pool several times and checks Context and Self are still its own.</summary>
    private sealed class Yielder : ReceiveActor
    {
        public Yielder() => ReceiveAsync<Report>(async _ =>
        {
            var self = Self;
            for (var i = 0; i < 5; i++)
            {
                await Task.Yield();
            }

            Sender.Tell(Context.Self.Equals(self) && Self.Equals(self) ? "context-kept" : "context-lost");
        });
    }

    [Fact]
    public void Context_Self_and_Sender_stay_valid_across_awaits_on_the_thread_pool()
    {
        var yielder = Sys.ActorOf(Props.Create<Yielder>());
        for (var i = 0; i < 10; i++)
        {
            yielder.Tell(new Report("x"), TestActor);
        }

        for (var i = 0; i < 10; i++)
        {
            ExpectMsg("context-kept");
        }
    }
}
