using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ClusterActors.Persistence.Devices;

/// <summary>Quorum and fencing devices in a PostgreSQL database that nodes on several hosts reach (Npgsql).</summary>
/// <remarks>
/// Each decision is one conditional statement (INSERT ... ON CONFLICT ... DO UPDATE ... WHERE), which
/// PostgreSQL evaluates against the newest version of the row even under READ COMMITTED, so two nodes
/// racing for a device in one epoch cannot both win. Statements that belong together are sent as one
/// batch: one round trip, one implicit transaction.
/// </remarks>
public sealed class PostgresQuorumDeviceStore : IQuorumDeviceStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>A store in the database <paramref name="connectionString"/> names (an Npgsql connection string; its search path picks the schema).</summary>
    /// <exception cref="ArgumentException">The connection string does not parse or names no host.</exception>
    public PostgresQuorumDeviceStore(string connectionString, ILogger? logger = null)
    {
        var builder = PostgresDatabase.Parse(connectionString, nameof(connectionString));
        StoreName = PostgresDatabase.Describe(builder);
        _logger = logger ?? NullLogger.Instance;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>How errors and log lines name this store: "PostgreSQL host:port/database" (never the password).</summary>
    public string StoreName { get; }

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, "create the quorum-device tables", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresDatabase.LockSchema));
            foreach (var create in PostgresDeviceStatements.CreateTables)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(create));
            }

            await batch.ExecuteNonQueryAsync(ct);
            _logger.TablesEnsured(StoreName);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<ReservationOutcome> TryReserveAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        var outcome = await RunAsync(deviceId, "reserve", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.Reserve, deviceId, nodeId, epoch));
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.GetReservation, deviceId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var reserved = await reader.ReadAsync(ct);
            await reader.NextResultAsync(ct);
            var holder = await reader.ReadAsync(ct)
                ? new DeviceReservation(deviceId, reader.GetString(0), reader.GetInt64(1))
                : throw new InvalidOperationException("the reservation row is missing right after the conditional insert");
            return new ReservationOutcome(reserved, holder);
        }, cancellationToken);
        _logger.Reservation(outcome, nodeId, epoch, StoreName);
        return outcome;
    }

    /// <inheritdoc />
    public Task<DeviceReservation?> GetReservationAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        return RunAsync(deviceId, "read the reservation", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.GetReservation, deviceId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new DeviceReservation(deviceId, reader.GetString(0), reader.GetInt64(1)) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Returns only after every write through the device that was already under way has finished.</remarks>
    public async Task FenceAsync(string deviceId, string fencedNodeId, string byNodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(fencedNodeId, nameof(fencedNodeId));
        DeviceArguments.Id(byNodeId, nameof(byNodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        await RunAsync(deviceId, $"fence node '{fencedNodeId}'", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.LockDeviceForFence, deviceId));
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.Fence, deviceId, fencedNodeId, byNodeId, epoch));
            return await batch.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        _logger.Fenced(fencedNodeId, deviceId, byNodeId, epoch, StoreName);
    }

    /// <inheritdoc />
    public async Task UnfenceAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        var lifted = await RunAsync(deviceId, $"unfence node '{nodeId}'", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.Unfence, deviceId, nodeId, epoch));
            return await batch.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        if (lifted > 0)
        {
            _logger.Unfenced(nodeId, deviceId, epoch, StoreName);
        }
    }

    /// <inheritdoc />
    public Task<bool> IsFencedAsync(string deviceId, string nodeId, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        return RunAsync(deviceId, $"check the fence on node '{nodeId}'", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.IsFenced, deviceId, nodeId));
            return await batch.ExecuteScalarAsync(ct) is true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DeviceWriteOutcome> TryWriteAsync(string deviceId, string writerNodeId, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(writerNodeId, nameof(writerNodeId));
        DeviceArguments.Id(key, nameof(key));
        var bytes = value.ToArray();
        var written = await RunAsync(deviceId, $"write '{key}'", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.LockDeviceForWrite, deviceId));
            var write = Command(PostgresDeviceStatements.Write, deviceId, key, bytes, writerNodeId);
            batch.BatchCommands.Add(write);
            await batch.ExecuteNonQueryAsync(ct);
            return write.RecordsAffected;
        }, cancellationToken);
        if (written == 0)
        {
            _logger.WriteRefused(key, deviceId, writerNodeId, StoreName);
            return DeviceWriteOutcome.Fenced;
        }

        return DeviceWriteOutcome.Written;
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string deviceId, string key, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(key, nameof(key));
        return RunAsync(deviceId, $"read '{key}'", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresDeviceStatements.Read, deviceId, key));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? reader.GetFieldValue<byte[]>(0) : null;
        }, cancellationToken);
    }

    /// <summary>Closes the store's pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlBatchCommand Command(string sql, params object[] positionalValues)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in positionalValues)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private async Task<T> RunAsync<T>(string? deviceId, string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await action(connection, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new QuorumDeviceStoreException(StoreName, deviceId, operation, ex);
        }
    }
}
