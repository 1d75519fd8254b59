using Npgsql;

namespace ClusterActors.Persistence.Tests.Support;

/// <summary>The PostgreSQL server of this test run, named by CLUSTERACTORS_TEST_POSTGRES (.ci/run sets it after starting one).</summary>
public static class TestPostgres
{
    /// <summary>The environment variable that holds the connection string.</summary>
    public const string Variable = "CLUSTERACTORS_TEST_POSTGRES";

    /// <summary>The connection string, or null when the variable is unset.</summary>
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests skip, or null when they run (and then fail if the server cannot be reached).</summary>
    public static string? SkipReason =>
        ConnectionString is null
            ? $"{Variable} is not set, so there is no PostgreSQL server for this run (.ci/run starts one when it runs as root)"
            : null;

    /// <summary>Creates a schema of its own for one test, so runs and tests never see each other's rows.</summary>
    public static async Task<TestSchema> CreateSchemaAsync()
    {
        var connectionString = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = "ca_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = name }.ConnectionString;
        return new TestSchema(connectionString, name, scoped);
    }
}

/// <summary>A schema made for one test; disposing drops it with everything in it.</summary>
public sealed class TestSchema(string serverConnectionString, string name, string connectionString) : IAsyncDisposable
{
    /// <summary>The schema's name.</summary>
    public string Name { get; } = name;

    /// <summary>A connection string whose search path is this schema.</summary>
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
