using ClusterActors.Persistence.Devices;
using ClusterActors.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClusterActors.Persistence.Tests.Devices;

/// <summary>The store contract on a real SQLite file that every client opens on its own, as node processes of one host do.</summary>
public sealed class SqliteQuorumDeviceStoreTests : QuorumDeviceStoreConformance, IDisposable
{
    private readonly TempDirectory _directory = new();

    // A directory that does not exist yet: the store creates it.
    private string DatabasePath => _directory.Combine("nodes/quorum-devices.db");

    protected override IQuorumDeviceStore CreateClient() => new SqliteQuorumDeviceStore(DatabasePath);

    // Runs after the suite's DisposeAsync has closed every client's pooled connections.
    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task M8_file_is_created_in_wal_mode_in_a_new_directory()
    {
        Assert.True(File.Exists(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task M8_new_file_is_created_by_many_nodes_at_once()
    {
        var path = _directory.Combine("fresh/devices.db");
        var stores = Enumerable.Range(0, 8).Select(_ => new SqliteQuorumDeviceStore(path)).ToArray();
        try
        {
            using var barrier = new Barrier(stores.Length);
            await Task.WhenAll(stores.Select(store => Task.Factory.StartNew(
                () =>
                {
                    barrier.SignalAndWait();
                    return store.EnsureCreatedAsync();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap()));

            Assert.True((await stores[0].TryReserveAsync("disk-a", "node-1", 1)).Reserved);
            Assert.Equal(new DeviceReservation("disk-a", "node-1", 1), await stores[7].GetReservationAsync("disk-a"));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task M8_database_error_names_the_device_and_the_file()
    {
        // A file where the store needs a directory: the directory cannot be created.
        var blocker = _directory.Combine("blocker");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var path = Path.Combine(blocker, "devices.db");
        await using var store = new SqliteQuorumDeviceStore(path);

        var error = await Assert.ThrowsAsync<QuorumDeviceStoreException>(() => store.TryReserveAsync("disk-a", "node-1", 1));

        Assert.Contains("disk-a", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("disk-a", error.DeviceId);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task M8_missing_tables_surface_as_an_error_naming_the_file()
    {
        await using var store = new SqliteQuorumDeviceStore(_directory.Combine("empty.db"));

        var error = await Assert.ThrowsAsync<QuorumDeviceStoreException>(() => store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 1 }));

        Assert.Contains("empty.db", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }
}
