namespace ClusterActors.Persistence.Devices;

/// <summary>A quorum-device database failed an operation; the message names the operation, the device and the store.</summary>
public sealed class QuorumDeviceStoreException : Exception
{
    /// <summary>Wraps the database's own error <paramref name="inner"/>.</summary>
    public QuorumDeviceStoreException(string store, string? deviceId, string operation, Exception inner)
        : base(Describe(store, deviceId, operation, inner), inner)
    {
        Store = store;
        DeviceId = deviceId;
        Operation = operation;
    }

    /// <summary>The store that failed: "SQLite file '/path'" or "PostgreSQL host:port/database".</summary>
    public string Store { get; }

    /// <summary>The device the operation was about, or null for one about the whole store (creating the tables).</summary>
    public string? DeviceId { get; }

    /// <summary>What was attempted ("reserve", "fence", "write", ...).</summary>
    public string Operation { get; }

    private static string Describe(string store, string? deviceId, string operation, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var target = deviceId is null ? "" : $" of quorum device '{deviceId}'";
        return $"{operation}{target} failed on {store}: {inner.Message}";
    }
}
