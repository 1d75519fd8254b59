using System.Globalization;

namespace ClusterActors.TestKit;

/// <summary>The one place test timeouts come from; real-time ones are dilated by <c>CLUSTERACTORS_TEST_TIME_FACTOR</c> (e.g. 3 on a slow CI machine).</summary>
public static class TestKitSettings
{
    /// <summary>The environment variable holding the dilation factor (a positive number; default 1).</summary>
    public const string TimeFactorVariable = "CLUSTERACTORS_TEST_TIME_FACTOR";

    private static readonly Lazy<double> Factor = new(ReadFactor);

    /// <summary>The factor real-time timeouts are multiplied by.</summary>
    public static double TimeFactor => Factor.Value;

    /// <summary>Default wait of ExpectMsg, FishForMessage, AwaitCondition… on real time (3 s, dilated).</summary>
    public static TimeSpan DefaultTimeout => Dilated(TimeSpan.FromSeconds(3));

    /// <summary>Default wait on virtual time (3 s of virtual time; never dilated, it costs no real time).</summary>
    public static TimeSpan DefaultVirtualTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long disposing a test kit waits for its actor system to terminate (10 s, dilated).</summary>
    public static TimeSpan ShutdownTimeout => Dilated(TimeSpan.FromSeconds(10));

    /// <summary>Interval at which AwaitCondition / AwaitAssert re-check on real time.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary><paramref name="duration"/> multiplied by <see cref="TimeFactor"/>.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => duration * TimeFactor;

    private static double ReadFactor()
    {
        var text = Environment.GetEnvironmentVariable(TimeFactorVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1.0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0 && double.IsFinite(factor)
            ? factor
            : throw new InvalidOperationException($"Environment variable {TimeFactorVariable}='{text}' must be a positive number (e.g. 2.5).");
    }
}
