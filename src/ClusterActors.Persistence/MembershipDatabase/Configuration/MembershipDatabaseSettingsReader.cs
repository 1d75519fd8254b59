using ClusterActors.Hocon;
using ClusterActors.Persistence.Devices;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>Maps <c>clusteractors.membership-database</c> onto <see cref="MembershipDatabaseSettings"/>; every bad value throws naming its key.</summary>
internal static class MembershipDatabaseSettingsReader
{
    public const string Section = "clusteractors.membership-database";
    public const string ProviderKey = Section + ".provider";
    public const string SqlitePathKey = Section + ".sqlite.path";
    public const string ConnectionStringKey = Section + ".postgresql.connection-string";

    public static MembershipDatabaseSettings Read(HoconConfig config, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        var provider = ReadProvider(config);
        var settings = new MembershipDatabaseSettings(
            provider,
            StoreSettingValues.SqlitePath(config, SqlitePathKey, provider == MembershipDatabaseProvider.Sqlite, dataDirectory, "name the file that holds the node configurations and transition states"),
            StoreSettingValues.ConnectionString(config, ConnectionStringKey, provider == MembershipDatabaseProvider.PostgreSql));
        settings.Validate();
        return settings;
    }

    private static MembershipDatabaseProvider ReadProvider(HoconConfig config)
    {
        var text = config.GetString(ProviderKey);
        return text.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => MembershipDatabaseProvider.Sqlite,
            "POSTGRESQL" => MembershipDatabaseProvider.PostgreSql,
            _ => throw new ConfigurationValueException(ProviderKey, $"'{text}' is not a membership-database provider (\"sqlite\" or \"postgresql\")"),
        };
    }
}
