using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ClusterActors.Persistence.Devices;

/// <summary>
/// One SQLite file as the stores of this assembly use it: pooled connections that wait for the write lock
/// through <see cref="SqliteLockWaiter"/>, the file's directory created on first use, WAL switched on.
/// </summary>
/// <remarks>Shared by the quorum-device store and the membership database, so both wait for the lock the same way.</remarks>
internal sealed class SqliteFile
{
    private readonly string _connectionString;
    private readonly SqliteLockWaiter _lockWaiter;
    private readonly string _directory;
    private int _directoryCreated;

    /// <summary>The file at <paramref name="path"/> (made absolute); nothing is opened yet.</summary>
    public SqliteFile(string path, TimeSpan busyTimeout, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(busyTimeout, TimeSpan.Zero, nameof(busyTimeout));
        Path = System.IO.Path.GetFullPath(path);
        _lockWaiter = SqliteLockWaiter.For(Path, busyTimeout, timeProvider);
        _directory = System.IO.Path.GetDirectoryName(Path) ?? throw new ArgumentException($"'{Path}' has no directory", nameof(path));
        StoreName = $"SQLite file '{Path}'";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite's own retry loop for SQLITE_BUSY (150 ms steps, after the busy handler
            // gave up) stops after this many seconds.
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>How errors and log lines name the file: "SQLite file '/full/path'".</summary>
    public string StoreName { get; }

    /// <summary>
    /// Runs <paramref name="action"/> on a pooled connection of its own. When <paramref name="writes"/>, the
    /// connections of this process that wait for the write lock are woken once it ends.
    /// </summary>
    public async Task<T> UseAsync<T>(bool writes, Func<SqliteConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await action(connection, cancellationToken);
        }
        finally
        {
            if (writes)
            {
                _lockWaiter.Released();
            }
        }
    }

    /// <summary>Switches the file to WAL; throws when SQLite keeps another journal mode.</summary>
    /// <remarks>WAL is a property of the file: the first node to get here switches it, the others find it set.</remarks>
    public static async Task SwitchToWalAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode = WAL;";
        var journalMode = Convert.ToString(await mode.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the file stays in journal mode '{journalMode}' instead of WAL (is it on a local disk?)");
        }
    }

    /// <summary>Closes this file's pooled connections, so the file can be moved or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _directoryCreated) == 0)
        {
            Directory.CreateDirectory(_directory);
            Volatile.Write(ref _directoryCreated, 1);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            _lockWaiter.Install(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
