using System.Text;
using ClusterActors.Hocon;
using ClusterActors.Persistence.Devices;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>Where a node's membership database lives (<c>clusteractors.membership-database</c>).</summary>
/// <param name="Provider">The database that holds it.</param>
/// <param name="SqlitePath">The full path of the SQLite file (resolved against the node's data directory); empty unless the provider is SQLite.</param>
/// <param name="PostgresConnectionString">The Npgsql connection string; empty unless the provider is PostgreSQL.</param>
public sealed record MembershipDatabaseSettings(
    MembershipDatabaseProvider Provider,
    string SqlitePath,
    string PostgresConnectionString)
{
    /// <summary>
    /// Reads <c>clusteractors.membership-database</c> from a resolved config. A relative <c>sqlite.path</c>
    /// is resolved against <paramref name="dataDirectory"/> (the node's <c>clusteractors.node.data-dir</c>).
    /// </summary>
    /// <exception cref="ConfigurationValueException">A value is not acceptable; the exception names its key.</exception>
    public static MembershipDatabaseSettings Read(HoconConfig config, string dataDirectory) => MembershipDatabaseSettingsReader.Read(config, dataDirectory);

    /// <summary>Checks settings built in code as <see cref="Read"/> checks configured ones.</summary>
    /// <exception cref="ConfigurationValueException">A value is not acceptable; the exception names the key it stands for.</exception>
    public void Validate()
    {
        switch (Provider)
        {
            case MembershipDatabaseProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(SqlitePath))
                {
                    throw new ConfigurationValueException(MembershipDatabaseSettingsReader.SqlitePathKey, "is empty, but the provider is \"sqlite\"");
                }

                if (!Path.IsPathFullyQualified(SqlitePath))
                {
                    throw new ConfigurationValueException(MembershipDatabaseSettingsReader.SqlitePathKey, $"'{SqlitePath}' is not a full path (Read resolves a relative one against the data directory)");
                }

                break;
            case MembershipDatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(PostgresConnectionString))
                {
                    throw new ConfigurationValueException(MembershipDatabaseSettingsReader.ConnectionStringKey, "is empty, but the provider is \"postgresql\"");
                }

                if (PostgresDatabase.Problem(PostgresConnectionString) is { } problem)
                {
                    throw new ConfigurationValueException(MembershipDatabaseSettingsReader.ConnectionStringKey, problem);
                }

                break;
            default:
                throw new ConfigurationValueException(MembershipDatabaseSettingsReader.ProviderKey, $"{(int)Provider} is not a membership-database provider (\"sqlite\" or \"postgresql\")");
        }
    }

    // The record's generated ToString would print the connection string, password and all.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Provider = ").Append(Provider)
            .Append(", SqlitePath = ").Append(SqlitePath)
            .Append(", PostgresConnectionString = ").Append(PostgresConnectionString.Length == 0 ? "(empty)" : "(set, not shown)");
        return true;
    }
}
