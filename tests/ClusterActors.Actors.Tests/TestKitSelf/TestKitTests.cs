using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Actors.Tests.TestKitSelf;

public sealed class TestKitTests : TestKit.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(30);

    [Fact]
    public void ExpectMsg_timeout_says_what_was_expected_where_and_for_how_long()
    {
        var error = Assert.Throws<TestKitFailureException>(() => ExpectMsg<string>(Short));
        Assert.Contains("expected a message of type String", error.Message, StringComparison.Ordinal);
        Assert.Contains("within 30 ms", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing arrived", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestActor.Path.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_the_wrong_type_or_value_says_what_arrived_instead()
    {
        TestActor.Tell(42);
        var wrongType = Assert.Throws<TestKitFailureException>(() => ExpectMsg<string>());
        Assert.Contains("expected a message of type String but received Int32 42 after", wrongType.Message, StringComparison.Ordinal);

        TestActor.Tell("actual");
        var wrongValue = Assert.Throws<TestKitFailureException>(() => ExpectMsg("expected"));
        Assert.Contains("expected expected but received String actual", wrongValue.Message, StringComparison.Ordinal);

        TestActor.Tell(3);
        var noMatch = Assert.Throws<TestKitFailureException>(() => ExpectMsg<int>(n => n > 5));
        Assert.Contains("does not match the predicate", noMatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        ExpectNoMsg(Short);
        TestActor.Tell("surprise");
        var error = Assert.Throws<TestKitFailureException>(() => ExpectNoMsg(TimeSpan.FromSeconds(5)));
        Assert.Contains("expected no message", error.Message, StringComparison.Ordinal);
        Assert.Contains("String surprise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FishForMessage_skips_non_matching_messages()
    {
        TestActor.Tell("skip-me");
        TestActor.Tell(1);
        TestActor.Tell(7);
        Assert.Equal(7, FishForMessage<int>(n => n > 5));
    }

    [Fact]
    public void AwaitCondition_returns_once_true_and_fails_with_the_message_at_the_deadline()
    {
        var flag = 0;
        _ = Task.Run(() => Interlocked.Exchange(ref flag, 1));
        AwaitCondition(() => Volatile.Read(ref flag) == 1);

        var error = Assert.Throws<TestKitFailureException>(() => AwaitCondition(() => false, Short, "the sky to fall"));
        Assert.Contains("Condition not met within 30 ms: the sky to fall", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitAssert_and_async_variants_wait_for_the_assertion()
    {
        var value = 0;
        _ = Task.Run(() => Interlocked.Exchange(ref value, 5));
        AwaitAssert(() => Assert.Equal(5, Volatile.Read(ref value)));
        await AwaitAssertAsync(() => Assert.Equal(5, Volatile.Read(ref value)));
        await AwaitConditionAsync(() => Volatile.Read(ref value) == 5);

        var error = Assert.Throws<TestKitFailureException>(() => AwaitAssert(() => Assert.Equal(6, value), Short));
        Assert.Contains("Assertion still failing after 30 ms", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Xunit.Sdk.XunitException>(error.InnerException);
    }

    [Fact]
    public async Task ExpectMsgAsync_waits_without_blocking()
    {
        var probe = CreateTestProbe();
        var waiting = probe.ExpectMsgAsync<string>();
        probe.Ref.Tell("later");
        Assert.Equal("later", await waiting);
    }
}

public sealed class VirtualTimeTestKitTests : TestKit.VirtualTimeTestKit
{
    /// <summary>Replies "late reply" to the sender of a delay once that delay passed.</summary>
    private sealed class Delayed : ReceiveActor
    {
        public Delayed()
        {
            IActorRef? replyTo = null;
            Receive<TimeSpan>(delay =>
            {
                replyTo = Sender;
                Context.Timers.StartSingleTimer("k", "late reply", delay);
            });
            Receive<string>(s => replyTo!.Tell(s));
        }
    }

    [Fact]
    public void ExpectMsg_advances_virtual_time_to_the_next_timer_without_real_waiting()
    {
        var delayed = Sys.ActorOf(Props.Create<Delayed>());
        delayed.Tell(TimeSpan.FromHours(1), TestActor);
        var start = Clock.GetUtcNow();

        ExpectMsg("late reply", TimeSpan.FromHours(2));

        Assert.Equal(start + TimeSpan.FromHours(1), Clock.GetUtcNow());
    }

    [Fact]
    public void ExpectMsg_on_virtual_time_fails_after_max_of_virtual_time()
    {
        var delayed = Sys.ActorOf(Props.Create<Delayed>());
        delayed.Tell(TimeSpan.FromHours(1), TestActor);
        var start = Clock.GetUtcNow();

        var error = Assert.Throws<TestKitFailureException>(() => ExpectMsg<string>(TimeSpan.FromMinutes(30)));

        Assert.Contains("of virtual time", error.Message, StringComparison.Ordinal);
        Assert.Equal(start + TimeSpan.FromMinutes(30), Clock.GetUtcNow());
    }

    [Fact]
    public void FishForMessage_reports_the_skipped_messages_on_timeout()
    {
        TestActor.Tell("still-not-it");
        var error = Assert.Throws<TestKitFailureException>(() => FishForMessage<int>(_ => true, TimeSpan.FromSeconds(1)));
        Assert.Contains("skipped 1: String still-not-it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_advances_exactly_the_duration()
    {
        var start = Clock.GetUtcNow();
        ExpectNoMsg(TimeSpan.FromSeconds(42));
        Assert.Equal(start + TimeSpan.FromSeconds(42), Clock.GetUtcNow());
    }

    [Fact]
    public void AwaitCondition_on_virtual_time_moves_the_clock_until_the_condition_holds()
    {
        var fired = false;
        using var timer = Clock.CreateTimer(_ => fired = true, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        AwaitCondition(() => fired, TimeSpan.FromHours(1));
        var error = Assert.Throws<TestKitFailureException>(() => AwaitCondition(() => false, TimeSpan.FromMinutes(1), "never"));
        Assert.Contains("of virtual time: never", error.Message, StringComparison.Ordinal);
    }
}
