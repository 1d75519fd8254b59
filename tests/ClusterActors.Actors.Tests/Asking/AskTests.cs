using Xunit;

namespace ClusterActors.Actors.Tests.Asking;

public sealed class AskTests : TestKit.TestKit
{
    /// <summary>Answers ints with their double, "fail" with a Status.Failure, anything else with a string.</summary>
    private sealed class Doubler : ReceiveActor
    {
        public Doubler()
        {
            Receive<int>(n => Sender.Tell(n * 2));
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("refused"))));
            Receive<string>(s => Sender.Tell("not a number: " + s));
        }
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var doubler = Sys.ActorOf(Props.Create<Doubler>());
        Assert.Equal(42, await doubler.Ask<int>(21));
        Assert.Equal(8, await doubler.Ask(4));
    }

    [Fact]
    public async Task Many_concurrent_asks_each_get_their_own_reply()
    {
        var doubler = Sys.ActorOf(Props.Create<Doubler>());
        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => doubler.Ask<int>(i)));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), replies);
    }

    [Fact]
    public async Task Ask_with_a_Status_Failure_reply_faults_with_its_cause()
    {
        var doubler = Sys.ActorOf(Props.Create<Doubler>());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => doubler.Ask<int>("fail"));
        Assert.Equal("refused", error.Message);
    }

    [Fact]
    public async Task Ask_with_a_reply_of_the_wrong_type_faults_with_a_clear_cast_error()
    {
        var doubler = Sys.ActorOf(Props.Create<Doubler>());
        var error = await Assert.ThrowsAsync<InvalidCastException>(() => doubler.Ask<int>("seven"));
        Assert.Contains("System.Int32", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_can_be_cancelled()
    {
        var silent = CreateTestProbe();
        using var cancellation = new CancellationTokenSource();
        var asking = silent.Ref.Ask<int>("anyone?", TimeSpan.FromMinutes(1), cancellation.Token);
        silent.ExpectMsg("anyone?");
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
    }

    [Fact]
    public async Task A_late_reply_after_completion_goes_to_dead_letters()
    {
        var probe = CreateTestProbe();
        var asking = probe.Ref.Ask<string>("q");
        probe.ExpectMsg("q");
        var promise = probe.LastSender;
        promise.Tell("first");
        promise.Tell("second");

        Assert.Equal("first", await asking);
        AwaitCondition(() => Sys.Counters.DeadLetters == 1);
    }
}

public sealed class AskOnVirtualTimeTests : TestKit.VirtualTimeTestKit
{
    [Fact]
    public void Ask_is_pending_before_its_timeout_and_fails_with_AskTimeoutException_after_it()
    {
        var silent = CreateTestProbe();
        var asking = silent.Ref.Ask<string>("hello?", TimeSpan.FromSeconds(5));
        silent.ExpectMsg("hello?");

        Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(asking.IsCompleted);

        Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(asking.IsFaulted);
        var error = Assert.IsType<AskTimeoutException>(asking.Exception!.InnerException);
        Assert.Contains(silent.Ref.Path.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_without_timeout_uses_the_system_default()
    {
        var silent = CreateTestProbe();
        var asking = silent.Ref.Ask<string>("hello?");
        Advance(Sys.Settings.DefaultAskTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(asking.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.IsType<AskTimeoutException>(asking.Exception!.InnerException);
    }

    [Fact]
    public void A_reply_before_the_timeout_wins_and_the_timer_never_fires()
    {
        var probe = CreateTestProbe();
        var asking = probe.Ref.Ask<string>("q", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("q");
        probe.Reply("a");
        Assert.Equal("a", RunUntilCompleted(asking));
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Sys.Counters.DeadLetters);
    }
}
