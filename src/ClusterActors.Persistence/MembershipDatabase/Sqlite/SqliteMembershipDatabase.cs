using System.Data.Common;
using ClusterActors.Persistence.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The membership database in one SQLite file (WAL mode, busy timeout); the node processes of one host may share it.</summary>
/// <remarks>
/// Every call opens a pooled connection of its own, so concurrent calls, like concurrent processes, meet only
/// at the file's write lock, and wait for it the way the quorum-device store does (<see cref="SqliteFile"/>).
/// Replacing a view is one IMMEDIATE transaction: the conditional header upsert, then the delete and inserts
/// of its states, so no reader sees half a view and no older write lands after a newer one.
/// </remarks>
public sealed class SqliteMembershipDatabase : IMembershipDatabase
{
    /// <summary>How long a statement waits for another connection's write lock before it fails.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    private static readonly Func<DbDataReader, int, DateTimeOffset> ReadTime = (reader, ordinal) => StoredTime.FromUnixMicroseconds(reader.GetInt64(ordinal));

    private readonly SqliteFile _file;
    private readonly ILogger _logger;

    /// <summary>A database in the file at <paramref name="path"/> (made absolute; its directory is created on first use).</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="logger">Receives saved and ignored writes.</param>
    /// <param name="busyTimeout">How long to wait for the write lock; <see cref="DefaultBusyTimeout"/> when null.</param>
    /// <param name="timeProvider">Measures the busy timeout; <see cref="TimeProvider.System"/> when null.</param>
    public SqliteMembershipDatabase(string path, ILogger? logger = null, TimeSpan? busyTimeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _file = new SqliteFile(path, busyTimeout ?? DefaultBusyTimeout, timeProvider ?? TimeProvider.System);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path => _file.Path;

    /// <summary>How errors and log lines name this database: "SQLite file '/full/path'".</summary>
    public string StoreName => _file.StoreName;

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, "create the membership-database tables", writes: true, async (connection, ct) =>
        {
            await SqliteFile.SwitchToWalAsync(connection, ct);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var create = Command(connection, SqliteMembershipStatements.CreateTables))
            {
                create.Transaction = transaction;
                await create.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            _logger.TablesEnsured(StoreName);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task SaveNodeAsync(NodeConfigurationRecord node, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Node(node, nameof(node));
        await RunAsync(node.NodeId, "save the configuration", writes: true, async (connection, ct) =>
        {
            await using var command = Command(
                connection,
                SqliteMembershipStatements.SaveNode,
                ("$node", node.NodeId),
                ("$address", node.ClusterAddress),
                ("$url", (object?)node.ManagementUrl ?? DBNull.Value),
                ("$incarnation", node.LastIncarnation),
                ("$epoch", node.LastEpoch),
                ("$updated", StoredTime.ToUnixMicroseconds(node.UpdatedAt)));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        _logger.NodeSaved(node.NodeId, node.ClusterAddress, node.LastIncarnation, node.LastEpoch, StoreName);
    }

    /// <inheritdoc />
    public Task<NodeConfigurationRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Id(nodeId, nameof(nodeId));
        return RunAsync(nodeId, "read the configuration", writes: false, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteMembershipStatements.GetNode, ("$node", nodeId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? MembershipRows.Node(reader, ReadTime) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeConfigurationRecord>> ListNodesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, "list the node configurations", writes: false, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteMembershipStatements.ListNodes);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await MembershipRows.NodesAsync(reader, ReadTime, ct);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> SaveTransitionStatesAsync(TransitionStatesRecord states, CancellationToken cancellationToken = default)
    {
        MembershipArguments.States(states, nameof(states));
        var stored = await RunAsync(states.ObserverNodeId, "save the transition states", writes: true, async (connection, ct) =>
        {
            // IMMEDIATE takes the write lock up front: the header check, the stored pair read after a refusal
            // and the replaced states all belong to one writer's turn.
            await using var transaction = connection.BeginTransaction(deferred: false);
            StoredView stored;
            await using (var header = Command(
                connection,
                SqliteMembershipStatements.SaveView,
                ("$observer", states.ObserverNodeId),
                ("$epoch", states.Epoch),
                ("$sequence", states.Sequence),
                ("$updated", StoredTime.ToUnixMicroseconds(states.UpdatedAt))))
            {
                header.Transaction = transaction;
                await using var reader = await header.ExecuteReaderAsync(ct);
                var accepted = await reader.ReadAsync(ct);
                await reader.NextResultAsync(ct);
                stored = await reader.ReadAsync(ct)
                    ? new StoredView(reader.GetInt64(0), reader.GetInt64(1))
                    : throw new InvalidOperationException("the view row is missing right after the conditional insert");
                if (!accepted)
                {
                    // Nothing changed; disposing the transaction rolls the empty turn back.
                    return stored;
                }
            }

            await ReplaceStatesAsync(connection, transaction, states, ct);
            await transaction.CommitAsync(ct);
            return stored;
        }, cancellationToken);

        _logger.TransitionStatesWrite(states, stored, StoreName);
        return stored == new StoredView(states.Epoch, states.Sequence);
    }

    /// <inheritdoc />
    public Task<TransitionStatesRecord?> GetTransitionStatesAsync(string observerNodeId, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Id(observerNodeId, nameof(observerNodeId));
        return RunAsync(observerNodeId, "read the transition states", writes: false, async (connection, ct) =>
        {
            await using var command = Command(connection, SqliteMembershipStatements.GetView, ("$observer", observerNodeId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await MembershipRows.ViewAsync(reader, observerNodeId, ReadTime, ct);
        }, cancellationToken);
    }

    /// <summary>Closes this file's pooled connections, so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        _file.ClearPool();
        return ValueTask.CompletedTask;
    }

    private static async Task ReplaceStatesAsync(SqliteConnection connection, SqliteTransaction transaction, TransitionStatesRecord states, CancellationToken cancellationToken)
    {
        await using (var delete = Command(connection, SqliteMembershipStatements.DeleteViewStates, ("$observer", states.ObserverNodeId)))
        {
            delete.Transaction = transaction;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // One prepared statement, its parameters set per state: a view holds one row per node of the cluster.
        await using var insert = Command(
            connection,
            SqliteMembershipStatements.InsertViewState,
            ("$observer", states.ObserverNodeId),
            ("$node", ""),
            ("$address", ""),
            ("$incarnation", 0L),
            ("$state", ""),
            ("$transition", DBNull.Value),
            ("$level", DBNull.Value),
            ("$barrier", DBNull.Value));
        insert.Transaction = transaction;
        foreach (var state in states.States)
        {
            insert.Parameters["$node"].Value = state.NodeId;
            insert.Parameters["$address"].Value = state.Address;
            insert.Parameters["$incarnation"].Value = state.Incarnation;
            insert.Parameters["$state"].Value = state.State;
            insert.Parameters["$transition"].Value = (object?)state.Transition ?? DBNull.Value;
            insert.Parameters["$level"].Value = (object?)state.Level ?? DBNull.Value;
            insert.Parameters["$barrier"].Value = (object?)state.Barrier ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
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

    private async Task<T> RunAsync<T>(string? nodeId, string operation, bool writes, Func<SqliteConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _file.UseAsync(writes, action, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MembershipDatabaseException(StoreName, nodeId, operation, ex);
        }
    }
}
