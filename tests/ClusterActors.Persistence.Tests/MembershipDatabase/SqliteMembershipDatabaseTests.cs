using ClusterActors.Persistence.MembershipDatabase;
using ClusterActors.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;
using static ClusterActors.Persistence.Tests.MembershipDatabase.MembershipRecords;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>The membership-database contract on a real SQLite file that every client opens on its own, as node processes of one host do.</summary>
public sealed class SqliteMembershipDatabaseTests : MembershipDatabaseConformance, IDisposable
{
    private readonly TempDirectory _directory = new();

    // A directory that does not exist yet: the database creates it.
    private string DatabasePath => _directory.Combine("data/n1/membership.db");

    protected override IMembershipDatabase CreateClient() => new SqliteMembershipDatabase(DatabasePath);

    // Runs after the suite's DisposeAsync has closed every client's pooled connections.
    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task T11_restarted_node_reads_its_configuration_and_last_view()
    {
        var path = _directory.Combine("restart/membership.db");
        var node = Node("node-1", incarnation: 4, epoch: 12, url: "http://node-1:8080");
        var view = View("node-1", 12, 3, State("node-1"), State("node-2", "Leaving", transition: "Leave", level: 1, barrier: 0));
        await using (var before = new SqliteMembershipDatabase(path))
        {
            await before.EnsureCreatedAsync();
            await before.SaveNodeAsync(Node("node-1", incarnation: 3, epoch: 10));
            await before.SaveNodeAsync(node);
            await before.SaveTransitionStatesAsync(view);
        }

        // Disposing closed the pooled connections: the new instance reads the file from disk.
        await using var after = new SqliteMembershipDatabase(path);
        await after.EnsureCreatedAsync();

        Assert.Equal(node, await after.GetNodeAsync("node-1"));
        Assert.Equal(view, await after.GetTransitionStatesAsync("node-1"));
        Assert.False(await after.SaveTransitionStatesAsync(View("node-1", 12, 2)));
    }

    [Fact]
    public async Task T11_file_is_created_in_wal_mode_in_a_new_directory_with_its_tables()
    {
        Assert.True(File.Exists(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal("wal", await mode.ExecuteScalarAsync());
        Assert.Equal(["ca_membership_nodes", "ca_membership_view_states", "ca_membership_views"], names);
    }

    [Fact]
    public async Task T11_database_shares_a_file_with_the_quorum_devices()
    {
        // One file per host may hold both: the tables do not collide and the lock waiter is the same.
        var path = _directory.Combine("shared.db");
        await using var devices = new Persistence.Devices.SqliteQuorumDeviceStore(path);
        await using var membership = new SqliteMembershipDatabase(path);
        await devices.EnsureCreatedAsync();
        await membership.EnsureCreatedAsync();

        Assert.True((await devices.TryReserveAsync("disk-a", "node-1", 1)).Reserved);
        await membership.SaveNodeAsync(Node("node-1"));

        Assert.Equal(Node("node-1"), await membership.GetNodeAsync("node-1"));
    }

    [Fact]
    public async Task T11_database_error_names_the_node_and_the_file()
    {
        // A file where the database needs a directory: the directory cannot be created.
        var blocker = _directory.Combine("blocker");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var path = Path.Combine(blocker, "membership.db");
        await using var database = new SqliteMembershipDatabase(path);

        var error = await Assert.ThrowsAsync<MembershipDatabaseException>(() => database.SaveNodeAsync(Node("node-7")));

        Assert.Contains("node-7", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("node-7", error.NodeId);
        Assert.Equal("save the configuration", error.Operation);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task T11_missing_tables_surface_as_an_error_naming_the_file()
    {
        await using var database = new SqliteMembershipDatabase(_directory.Combine("empty.db"));

        var error = await Assert.ThrowsAsync<MembershipDatabaseException>(() => database.SaveTransitionStatesAsync(View("node-1", 1, 1)));

        Assert.Contains("empty.db", error.Message, StringComparison.Ordinal);
        Assert.Contains("save the transition states of node 'node-1'", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }
}
