using Microsoft.Extensions.Logging;

namespace ClusterActors.Persistence.Devices;

/// <summary>Makes the quorum-device store the settings ask for.</summary>
public static class QuorumDeviceStores
{
    /// <summary>A SQLite or PostgreSQL store per <see cref="QuorumDeviceSettings.Provider"/>; call <see cref="IQuorumDeviceStore.EnsureCreatedAsync"/> before use.</summary>
    public static IQuorumDeviceStore Create(QuorumDeviceSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider switch
        {
            QuorumDeviceProvider.Sqlite => new SqliteQuorumDeviceStore(settings.SqlitePath, loggerFactory?.CreateLogger<SqliteQuorumDeviceStore>()),
            QuorumDeviceProvider.PostgreSql => new PostgresQuorumDeviceStore(settings.PostgresConnectionString, loggerFactory?.CreateLogger<PostgresQuorumDeviceStore>()),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unknown quorum-device provider"),
        };
    }
}
