using Microsoft.Extensions.Logging;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>Makes the membership database the settings ask for.</summary>
public static class MembershipDatabases
{
    /// <summary>A SQLite or PostgreSQL database per <see cref="MembershipDatabaseSettings.Provider"/>; call <see cref="IMembershipDatabase.EnsureCreatedAsync"/> before use.</summary>
    /// <exception cref="ClusterActors.Hocon.ConfigurationValueException">The settings are not usable; the exception names the key.</exception>
    public static IMembershipDatabase Create(MembershipDatabaseSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return settings.Provider switch
        {
            MembershipDatabaseProvider.Sqlite => new SqliteMembershipDatabase(settings.SqlitePath, loggerFactory?.CreateLogger<SqliteMembershipDatabase>()),
            MembershipDatabaseProvider.PostgreSql => new PostgresMembershipDatabase(settings.PostgresConnectionString, loggerFactory?.CreateLogger<PostgresMembershipDatabase>()),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unknown membership-database provider"),
        };
    }
}
