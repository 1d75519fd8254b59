using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

/// <summary>Waits for a condition that is not signalled (a counter, a connection state) with a deadline; fails the test naming what did not happen.</summary>
public static class Eventually
{
    public static void That(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!SpinWait.SpinUntil(condition, timeout ?? TimeSpan.FromSeconds(10)))
        {
            Assert.Fail($"Timed out waiting for {what}.");
        }
    }
}
