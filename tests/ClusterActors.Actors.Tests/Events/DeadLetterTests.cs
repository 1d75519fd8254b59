using ClusterActors.Actors.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Actors.Tests.Events;

public sealed class DeadLetterTests : TestKit.VirtualTimeTestKit
{
    private readonly CapturingLoggerFactory logs;

    public DeadLetterTests()
        : this(new CapturingLoggerFactory())
    {
    }

    private DeadLetterTests(CapturingLoggerFactory logs)
        : base(settings: new ActorSystemSettings { LoggerFactory = logs, MaxDeadLettersLogged = 2 })
    {
        this.logs = logs;
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private sealed record Letter(int Number);

    private IActorRef StoppedActor()
    {
        var actor = Watch(Sys.ActorOf(Props.Create<Idle>(), "gone"));
        Sys.Stop(actor);
        ExpectTerminated(actor);
        return actor;
    }

    private IEnumerable<string> NotDelivered() => logs.Lines(LogLevel.Information).Where(l => l.Contains("not delivered", StringComparison.Ordinal));

    [Fact]
    public void A_message_to_a_stopped_actor_is_published_counted_and_logged_with_recipient_sender_and_type()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gone = StoppedActor();
        var sender = CreateTestProbe("the-sender");

        gone.Tell(new Letter(1), sender.Ref);

        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal(new Letter(1), dead.Message);
        Assert.Equal(sender.Ref, dead.Sender);
        Assert.Equal(gone, dead.Recipient);
        Assert.Equal(1, Sys.Counters.DeadLetters);
        var line = Assert.Single(NotDelivered());
        Assert.Contains(typeof(Letter).FullName!, line, StringComparison.Ordinal);
        Assert.Contains("/user/gone", line, StringComparison.Ordinal);
        Assert.Contains("/system/the-sender", line, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_maximum_dead_letters_are_counted_and_published_but_logged_only_once_more()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gone = StoppedActor();

        for (var i = 0; i < 5; i++)
        {
            gone.Tell(new Letter(i));
        }

        Assert.Equal(5, ReceiveN(5).Count);
        Assert.Equal(5, Sys.Counters.DeadLetters);
        Assert.Equal(2, NotDelivered().Count());
        Assert.Single(logs.Lines(LogLevel.Information), l => l.Contains("2 dead letters logged", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_told_to_DeadLetters_directly_are_dead_letters_too()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        Sys.DeadLetters.Tell("nobody home", TestActor);
        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("nobody home", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
        Assert.Equal(1, Sys.Counters.DeadLetters);
    }
}

public sealed class UnhandledMessageTests : TestKit.VirtualTimeTestKit
{
    private readonly CapturingLoggerFactory logs;

    public UnhandledMessageTests()
        : this(new CapturingLoggerFactory())
    {
    }

    private UnhandledMessageTests(CapturingLoggerFactory logs)
        : base(settings: new ActorSystemSettings { LoggerFactory = logs })
    {
        this.logs = logs;
    }

    private sealed class OnlyInts : ReceiveActor
    {
        public OnlyInts() => Receive<int>(_ => { });
    }

    [Fact]
    public void An_unhandled_message_is_published_counted_and_logged()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<OnlyInts>(), "only-ints");

        actor.Tell("a string", TestActor);

        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal("a string", unhandled.Message);
        Assert.Equal(TestActor, unhandled.Sender);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(1, Sys.Counters.UnhandledMessages);
        Assert.Contains(
            logs.Lines(LogLevel.Warning),
            l => l.Contains("Unhandled message System.String", StringComparison.Ordinal) && l.Contains($"{Sys.Name}/user/only-ints", StringComparison.Ordinal));
    }
}
