namespace ClusterActors.Persistence.Devices;

/// <summary>The argument checks every store makes, so that all three refuse the same bad calls the same way.</summary>
internal static class DeviceArguments
{
    public static void Id(string value, string parameterName) => ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);

    public static void Epoch(long epoch, string parameterName) => ArgumentOutOfRangeException.ThrowIfNegative(epoch, parameterName);
}
