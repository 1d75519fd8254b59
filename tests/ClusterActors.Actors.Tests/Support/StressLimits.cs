using ClusterActors.TestKit;

namespace ClusterActors.Actors.Tests.Support;

/// <summary>The one bound on how long a stress test may wait for progress: reached only when something hangs (a lost wake-up, a missing reply), never in a passing run.</summary>
public static class StressLimits
{
    /// <summary>Deadline of any single wait in a stress test (10 s, dilated by the test time factor).</summary>
    public static TimeSpan Hang => TestKitSettings.Dilated(TimeSpan.FromSeconds(10));
}
