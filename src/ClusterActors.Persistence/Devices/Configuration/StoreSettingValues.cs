using ClusterActors.Hocon;

namespace ClusterActors.Persistence.Devices;

/// <summary>Reads the database settings every store section has (<c>sqlite.path</c>, <c>postgresql.connection-string</c>); every bad value throws naming its key.</summary>
/// <remarks>Shared by the quorum-device settings and the membership-database settings, so both read and refuse them alike.</remarks>
internal static class StoreSettingValues
{
    /// <summary>
    /// The file named under <paramref name="key"/>, resolved against <paramref name="dataDirectory"/> when relative;
    /// "" when empty and not <paramref name="required"/>. <paramref name="emptyHint"/> ends the error for an empty required path.
    /// </summary>
    public static string SqlitePath(HoconConfig config, string key, bool required, string dataDirectory, string emptyHint)
    {
        var path = config.GetString(key).Trim();
        if (path.Length == 0)
        {
            return required
                ? throw new ConfigurationValueException(key, $"is empty, but the provider is \"sqlite\": {emptyHint}")
                : "";
        }

        try
        {
            return Path.GetFullPath(Path.Combine(dataDirectory, path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConfigurationValueException(key, $"'{path}' (relative to the data directory '{dataDirectory}') is not a usable file path: {ex.Message}");
        }
    }

    /// <summary>The Npgsql connection string under <paramref name="key"/>, checked only when <paramref name="required"/> (the provider is PostgreSQL).</summary>
    public static string ConnectionString(HoconConfig config, string key, bool required)
    {
        var connectionString = config.GetString(key).Trim();
        if (!required)
        {
            return connectionString;
        }

        if (connectionString.Length == 0)
        {
            throw new ConfigurationValueException(key, $"is empty, but the provider is \"postgresql\" (set {EnvironmentVariable(key)})");
        }

        // Only the parser's reason: the string itself may hold a password.
        return PostgresDatabase.Problem(connectionString) is { } problem
            ? throw new ConfigurationValueException(key, problem)
            : connectionString;
    }

    /// <summary>The environment variable that overrides <paramref name="key"/> (<c>a.b-c</c> → <c>A_B_C</c>, as HoconLayers maps them).</summary>
    public static string EnvironmentVariable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace('.', '_').Replace('-', '_').ToUpperInvariant();
    }
}
