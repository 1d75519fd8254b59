using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Persistence.Devices;

/// <summary>Quorum and fencing devices in one SQLite file that the node processes of one host share (WAL mode, busy timeout).</summary>
/// <remarks>
/// Every call opens a pooled connection of its own, so concurrent calls, like concurrent processes, meet
/// only at the file's write lock. SQLite serializes writers, and each decision (reserve, fence, write) is
/// one statement, so two of them never interleave. WAL lets readers proceed beside the one writer; a
/// writer that finds the file locked waits up to the busy timeout instead of failing with SQLITE_BUSY
/// (see <see cref="SqliteLockWaiter"/> for how). WAL needs shared memory between the processes, so the
/// file must be on a local disk of their host.
/// </remarks>
public sealed class SqliteQuorumDeviceStore : IQuorumDeviceStore
{
    /// <summary>How long a statement waits for another connection's write lock before it fails.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    private readonly SqliteFile _file;
    private readonly ILogger _logger;

    /// <summary>A store in the file at <paramref name="path"/> (made absolute; its directory is created on first use).</summary>
    /// <param name="path">The SQLite file every node of the host points at.</param>
    /// <param name="logger">Receives reservations, fences and refused writes.</param>
    /// <param name="busyTimeout">How long to wait for the write lock; <see cref="DefaultBusyTimeout"/> when null.</param>
    /// <param name="timeProvider">Measures the busy timeout; <see cref="TimeProvider.System"/> when null.</param>
    public SqliteQuorumDeviceStore(string path, ILogger? logger = null, TimeSpan? busyTimeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _file = new SqliteFile(path, busyTimeout ?? DefaultBusyTimeout, timeProvider ?? TimeProvider.System);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path => _file.Path;

    /// <summary>How errors and log lines name this store: "SQLite file '/full/path'".</summary>
    public string StoreName => _file.StoreName;

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, "create the quorum-device tables", Access.Write, async (connection, ct) =>
        {
            await SqliteFile.SwitchToWalAsync(connection, ct);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = SqliteDeviceStatements.CreateTables;
                await create.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            _logger.TablesEnsured(StoreName);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<ReservationOutcome> TryReserveAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        var outcome = await RunAsync(deviceId, "reserve", Access.Write, async (connection, ct) =>
        {
            // IMMEDIATE takes the write lock up front, so the holder read after a refusal is the one that refused us.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = Command(connection, SqliteDeviceStatements.Reserve, ("$device", deviceId), ("$node", nodeId), ("$epoch", epoch));
            command.Transaction = transaction;
            bool reserved;
            DeviceReservation holder;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                reserved = await reader.ReadAsync(ct);
                await reader.NextResultAsync(ct);
                holder = await reader.ReadAsync(ct)
                    ? new DeviceReservation(deviceId, reader.GetString(0), reader.GetInt64(1))
                    : throw new InvalidOperationException("the reservation row is missing right after the conditional insert");
            }

            await transaction.CommitAsync(ct);
            return new ReservationOutcome(reserved, holder);
        }, cancellationToken);

        _logger.Reservation(outcome, nodeId, epoch, StoreName);
        return outcome;
    }

    /// <inheritdoc />
    public Task<DeviceReservation?> GetReservationAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        return RunAsync(deviceId, "read the reservation", Access.Read, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteDeviceStatements.GetReservation, ("$device", deviceId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new DeviceReservation(deviceId, reader.GetString(0), reader.GetInt64(1)) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task FenceAsync(string deviceId, string fencedNodeId, string byNodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(fencedNodeId, nameof(fencedNodeId));
        DeviceArguments.Id(byNodeId, nameof(byNodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        await RunAsync(deviceId, $"fence node '{fencedNodeId}'", Access.Write, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteDeviceStatements.Fence, ("$device", deviceId), ("$node", fencedNodeId), ("$by", byNodeId), ("$epoch", epoch));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        _logger.Fenced(fencedNodeId, deviceId, byNodeId, epoch, StoreName);
    }

    /// <inheritdoc />
    public async Task UnfenceAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        var lifted = await RunAsync(deviceId, $"unfence node '{nodeId}'", Access.Write, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteDeviceStatements.Unfence, ("$device", deviceId), ("$node", nodeId), ("$epoch", epoch));
            return await command.ExecuteNonQueryAsync(ct);
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
        return RunAsync(deviceId, $"check the fence on node '{nodeId}'", Access.Read, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteDeviceStatements.IsFenced, ("$device", deviceId), ("$node", nodeId));
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DeviceWriteOutcome> TryWriteAsync(string deviceId, string writerNodeId, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(writerNodeId, nameof(writerNodeId));
        DeviceArguments.Id(key, nameof(key));
        var bytes = value.ToArray();
        var written = await RunAsync(deviceId, $"write '{key}'", Access.Write, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteDeviceStatements.Write, ("$device", deviceId), ("$key", key), ("$value", bytes), ("$node", writerNodeId));
            return await command.ExecuteNonQueryAsync(ct);
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
        return RunAsync(deviceId, $"read '{key}'", Access.Read, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteDeviceStatements.Read, ("$device", deviceId), ("$key", key));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? reader.GetFieldValue<byte[]>(0) : null;
        }, cancellationToken);
    }

    /// <summary>A command for <paramref name="sql"/> with its named parameters.</summary>
    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>Closes this file's pooled connections, so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        _file.ClearPool();
        return ValueTask.CompletedTask;
    }

    private async Task<T> RunAsync<T>(string? deviceId, string operation, Access access, Func<SqliteConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _file.UseAsync(access == Access.Write, action, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new QuorumDeviceStoreException(StoreName, deviceId, operation, ex);
        }
    }

    /// <summary>Whether an operation takes the file's write lock (and so wakes waiters when it ends).</summary>
    private enum Access
    {
        Read,
        Write,
    }
}
