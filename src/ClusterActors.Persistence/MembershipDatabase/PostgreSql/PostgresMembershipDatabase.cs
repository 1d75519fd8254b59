using System.Data.Common;
using ClusterActors.Persistence.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The membership database in a PostgreSQL database that nodes on several hosts reach (Npgsql).</summary>
/// <remarks>
/// Replacing a view is one transaction: the conditional header upsert (evaluated against the newest
/// version of the row and locking it, even under READ COMMITTED), then the delete and the insert of its
/// states. Two writers of the same observer take turns on the header row; writers of different observers
/// touch different rows and do not wait for each other.
/// </remarks>
public sealed class PostgresMembershipDatabase : IMembershipDatabase
{
    private static readonly Func<DbDataReader, int, DateTimeOffset> ReadTime = (reader, ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>A database in the one <paramref name="connectionString"/> names (an Npgsql connection string; its search path picks the schema).</summary>
    /// <exception cref="ArgumentException">The connection string does not parse or names no host.</exception>
    public PostgresMembershipDatabase(string connectionString, ILogger? logger = null)
    {
        var builder = PostgresDatabase.Parse(connectionString, nameof(connectionString));
        StoreName = PostgresDatabase.Describe(builder);
        _logger = logger ?? NullLogger.Instance;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>How errors and log lines name this database: "PostgreSQL host:port/database" (never the password).</summary>
    public string StoreName { get; }

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, "create the membership-database tables", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresDatabase.LockSchema));
            foreach (var create in PostgresMembershipStatements.CreateTables)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(create));
            }

            await batch.ExecuteNonQueryAsync(ct);
            _logger.TablesEnsured(StoreName);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task SaveNodeAsync(NodeConfigurationRecord node, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Node(node, nameof(node));
        await RunAsync(node.NodeId, "save the configuration", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(
                PostgresMembershipStatements.SaveNode,
                node.NodeId,
                node.ClusterAddress,
                (object?)node.ManagementUrl ?? DBNull.Value,
                node.LastIncarnation,
                node.LastEpoch,
                StoredTime.Normalize(node.UpdatedAt)));
            return await batch.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        _logger.NodeSaved(node.NodeId, node.ClusterAddress, node.LastIncarnation, node.LastEpoch, StoreName);
    }

    /// <inheritdoc />
    public Task<NodeConfigurationRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Id(nodeId, nameof(nodeId));
        return RunAsync(nodeId, "read the configuration", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresMembershipStatements.GetNode, nodeId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? MembershipRows.Node(reader, ReadTime) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeConfigurationRecord>> ListNodesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, "list the node configurations", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresMembershipStatements.ListNodes));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await MembershipRows.NodesAsync(reader, ReadTime, ct);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> SaveTransitionStatesAsync(TransitionStatesRecord states, CancellationToken cancellationToken = default)
    {
        MembershipArguments.States(states, nameof(states));
        var stored = await RunAsync(states.ObserverNodeId, "save the transition states", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            StoredView stored;
            bool accepted;
            await using (var header = connection.CreateBatch())
            {
                header.Transaction = transaction;
                header.BatchCommands.Add(Command(PostgresMembershipStatements.SaveView, states.ObserverNodeId, states.Epoch, states.Sequence, StoredTime.Normalize(states.UpdatedAt)));
                header.BatchCommands.Add(Command(PostgresMembershipStatements.GetViewHeader, states.ObserverNodeId));
                await using var reader = await header.ExecuteReaderAsync(ct);
                accepted = await reader.ReadAsync(ct);
                await reader.NextResultAsync(ct);
                stored = await reader.ReadAsync(ct)
                    ? new StoredView(reader.GetInt64(0), reader.GetInt64(1))
                    : throw new InvalidOperationException("the view row is missing right after the conditional insert");
            }

            if (!accepted)
            {
                // Nothing changed; disposing the transaction rolls it back and releases the row.
                return stored;
            }

            await using (var replace = connection.CreateBatch())
            {
                replace.Transaction = transaction;
                replace.BatchCommands.Add(Command(PostgresMembershipStatements.DeleteViewStates, states.ObserverNodeId));
                replace.BatchCommands.Add(InsertStates(states));
                await replace.ExecuteNonQueryAsync(ct);
            }

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
        return RunAsync(observerNodeId, "read the transition states", async (connection, ct) =>
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(PostgresMembershipStatements.GetView, observerNodeId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await MembershipRows.ViewAsync(reader, observerNodeId, ReadTime, ct);
        }, cancellationToken);
    }

    /// <summary>Closes the database's pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlBatchCommand InsertStates(TransitionStatesRecord states)
    {
        var rows = states.States;
        var command = new NpgsqlBatchCommand(PostgresMembershipStatements.InsertViewStates);
        command.Parameters.Add(new NpgsqlParameter { Value = states.ObserverNodeId });
        command.Parameters.Add(Column(NpgsqlDbType.Text, rows.Select(s => s.NodeId).ToArray()));
        command.Parameters.Add(Column(NpgsqlDbType.Text, rows.Select(s => s.Address).ToArray()));
        command.Parameters.Add(Column(NpgsqlDbType.Bigint, rows.Select(s => s.Incarnation).ToArray()));
        command.Parameters.Add(Column(NpgsqlDbType.Text, rows.Select(s => s.State).ToArray()));
        command.Parameters.Add(Column(NpgsqlDbType.Text, rows.Select(s => s.Transition).ToArray()));
        command.Parameters.Add(Column(NpgsqlDbType.Integer, rows.Select(s => s.Level).ToArray()));
        command.Parameters.Add(Column(NpgsqlDbType.Integer, rows.Select(s => s.Barrier).ToArray()));
        return command;
    }

    private static NpgsqlParameter Column(NpgsqlDbType elementType, Array values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };

    private static NpgsqlBatchCommand Command(string sql, params object[] positionalValues)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in positionalValues)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private async Task<T> RunAsync<T>(string? nodeId, string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await action(connection, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MembershipDatabaseException(StoreName, nodeId, operation, ex);
        }
    }
}
