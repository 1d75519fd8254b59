using Npgsql;

namespace ClusterActors.Persistence.Devices;

/// <summary>What the PostgreSQL stores share: checking and naming the connection string, and the lock table creators take turns on.</summary>
/// <remarks>Shared by the quorum-device store and the membership database. No message here echoes the connection string: it may hold a password.</remarks>
internal static class PostgresDatabase
{
    // Advisory-lock namespace "CASC", so this lock never meets another application's.
    private const string SchemaLockNamespace = "1128354627";

    /// <summary>
    /// CREATE TABLE IF NOT EXISTS is not safe against itself: two sessions can both find the table missing
    /// and one fails on the catalog's unique index. Every store's creators take this lock, so they take turns.
    /// </summary>
    public const string LockSchema = "SELECT pg_advisory_xact_lock(" + SchemaLockNamespace + ", 0)";

    /// <summary>Parses <paramref name="connectionString"/>; throws <see cref="ArgumentException"/> (for <paramref name="parameterName"/>) when it does not parse or names no host.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString, parameterName);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The message of the original names the bad keyword; the string itself may hold a password.
            throw new ArgumentException($"Not an Npgsql connection string: {ex.Message}", parameterName, ex);
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? throw new ArgumentException("The Npgsql connection string names no Host", parameterName)
            : builder;
    }

    /// <summary>Why <paramref name="connectionString"/> is unusable, phrased to follow a configuration key ("is not an Npgsql connection string: ..."), or null when it is usable.</summary>
    public static string? Problem(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            return $"is not an Npgsql connection string: {ex.Message}";
        }

        return string.IsNullOrWhiteSpace(builder.Host) ? "names no Host" : null;
    }

    /// <summary>How errors and log lines name the database: "PostgreSQL host:port/database" (never the password).</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = string.IsNullOrEmpty(builder.Database) ? "(default database)" : builder.Database;
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (search path {builder.SearchPath})";
        return $"PostgreSQL {builder.Host}:{builder.Port}/{database}{schema}";
    }
}
