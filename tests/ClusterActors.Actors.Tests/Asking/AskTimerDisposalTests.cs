using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Asking;

/// <summary>The timeout timer of an ask is disposed however its firing interleaves with the ask's own setup.</summary>
public sealed class AskTimerDisposalTests : TestKit.TestKit
{
    private readonly PreemptedTimeProvider clock;

    public AskTimerDisposalTests()
        : this(new PreemptedTimeProvider())
    {
    }

    private AskTimerDisposalTests(PreemptedTimeProvider clock)
        : base(new ActorSystemSettings { TimeProvider = clock, LogDeadLetters = false })
    {
        this.clock = clock;
    }

    [Fact]
    public async Task A_timeout_firing_before_the_ask_stored_its_timer_still_disposes_the_timer()
    {
        var silent = CreateTestProbe();

        clock.PreemptNextTimer();
        var asking = silent.Ref.Ask<int>("anyone?", TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
        Assert.Equal(1, clock.PreemptedTimersDisposed);
    }
}
