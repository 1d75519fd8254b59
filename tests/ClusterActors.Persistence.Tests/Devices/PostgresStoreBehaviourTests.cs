using ClusterActors.Persistence.Devices;
using ClusterActors.Persistence.Tests.Support;
using Npgsql;

namespace ClusterActors.Persistence.Tests.Devices;

/// <summary>What only the PostgreSQL store has to show: schema creation by many nodes, and fences that wait for writes under way.</summary>
public sealed class PostgresStoreBehaviourTests
{
    // The advisory-lock namespace the store uses for a device (PostgresDeviceStatements).
    private const int DeviceLockNamespace = 1128350806;

    [PostgresFact]
    public async Task M8_tables_are_created_by_many_nodes_at_once_in_a_fresh_schema()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var stores = Enumerable.Range(0, 8).Select(_ => new PostgresQuorumDeviceStore(schema.ConnectionString)).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.EnsureCreatedAsync())));

            var outcome = await stores[0].TryReserveAsync("disk-a", "node-1", 1);

            Assert.True(outcome.Reserved);
            Assert.Contains(schema.Name, stores[0].StoreName, StringComparison.Ordinal);
            Assert.Equal(3, await CountTablesAsync(schema));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task M9_fence_returns_only_after_a_write_already_under_way_has_finished()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        await using var store = new PostgresQuorumDeviceStore(schema.ConnectionString);
        await store.EnsureCreatedAsync();

        // Advisory locks are per database, not per schema: a device id of its own keeps other tests' locks apart.
        var device = "disk-" + Guid.NewGuid().ToString("N");

        // Stands in for a write under way: a transaction holding the device's lock the way a write does.
        await using var inFlight = new NpgsqlConnection(schema.ConnectionString);
        await inFlight.OpenAsync();
        await using var transaction = await inFlight.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_xact_lock_shared({DeviceLockNamespace}, hashtext('{device}'))", inFlight, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var fence = store.FenceAsync(device, "node-1", "node-2", 2);
        await WaitForAdvisoryLockWaiterAsync(schema, device);
        Assert.False(fence.IsCompleted, "the fence landed while a write was still under way");

        await transaction.CommitAsync();
        await fence.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await store.IsFencedAsync(device, "node-1"));
    }

    [PostgresFact]
    public async Task M9_statements_of_one_batch_share_one_transaction_as_the_fence_ordering_needs()
    {
        // The store's write and fence hold the device's advisory lock until their batch ends; that needs
        // Npgsql to send a batch as one implicit transaction.
        await using var dataSource = NpgsqlDataSource.Create(TestPostgres.ConnectionString!);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT txid_current()"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT txid_current()"));
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var first = reader.GetInt64(0);
        await reader.NextResultAsync();
        await reader.ReadAsync();

        Assert.Equal(first, reader.GetInt64(0));
    }

    private static async Task<long> CountTablesAsync(TestSchema schema)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'ca\\_device\\_%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForAdvisoryLockWaiterAsync(TestSchema schema, string device)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = {DeviceLockNamespace} AND objid = hashtext('{device}')::oid",
            connection);
        var started = TimeProvider.System.GetTimestamp();
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "the fence never waited for the device's lock");
            await Task.Yield();
        }
    }
}
