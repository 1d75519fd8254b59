using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ClusterActors.Persistence.Devices;

/// <summary>
/// SQLite's busy handler for one file: a connection that finds the write lock taken waits until a
/// connection of this process releases it, or at most a millisecond (for other processes), and tries
/// again until the busy timeout has passed.
/// </summary>
/// <remarks>
/// SQLite's lock is not fair. Its built-in busy_timeout retries every 100 ms once it has waited a while,
/// and Microsoft.Data.Sqlite's own retry loop waits 150 ms between attempts. Against a node that writes in
/// a tight loop that starves a fence for longer than any timeout, because the lock is free only for the
/// microseconds between two of the writer's transactions. Retrying on every release in this process and
/// every millisecond otherwise lands the fence within a few attempts. SQLitePCLRaw exposes no busy handler,
/// so it is set through SQLite's C API on the connection's native handle.
/// </remarks>
internal sealed unsafe partial class SqliteLockWaiter
{
    private static readonly ConcurrentDictionary<string, FileRelease> Releases = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Path, TimeSpan Timeout, TimeProvider Time), SqliteLockWaiter> Waiters = new();
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(1);

    // The start of the current wait for the lock; SQLite calls the handler on the thread that waits.
    [ThreadStatic]
    private static long t_waitStartedAt;

    private readonly FileRelease _release;
    private readonly TimeSpan _busyTimeout;
    private readonly TimeProvider _timeProvider;

    // Native code holds it as user data for as long as a pooled connection may call back: the process's lifetime.
    private readonly nint _handle;

    private SqliteLockWaiter(FileRelease release, TimeSpan busyTimeout, TimeProvider timeProvider)
    {
        _release = release;
        _busyTimeout = busyTimeout;
        _timeProvider = timeProvider;
        _handle = GCHandle.ToIntPtr(GCHandle.Alloc(this));
    }

    /// <summary>The waiter for the file at <paramref name="fullPath"/> with this timeout and clock (one per combination, kept for the process's lifetime).</summary>
    public static SqliteLockWaiter For(string fullPath, TimeSpan busyTimeout, TimeProvider timeProvider) =>
        Waiters.GetOrAdd((fullPath, busyTimeout, timeProvider), static key =>
            new SqliteLockWaiter(Releases.GetOrAdd(key.Path, static _ => new FileRelease()), key.Timeout, key.Time));

    /// <summary>Installs the busy handler on a freshly opened connection (a pooled one carries an older one: it is replaced).</summary>
    public void Install(SqliteConnection connection)
    {
        var rc = SetBusyHandler(connection.Handle!.DangerousGetHandle(), &OnBusy, _handle);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Wakes the connections of this process that wait for the file's lock: a write transaction on it has ended.</summary>
    public void Released() => _release.PulseAll();

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetBusyHandler(nint database, delegate* unmanaged[Cdecl]<nint, int, int> handler, nint userData);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(nint userData, int count)
    {
        try
        {
            return ((SqliteLockWaiter)GCHandle.FromIntPtr(userData).Target!).WaitOnce(count) ? 1 : 0;
        }
        catch
        {
            // Nothing may unwind into SQLite: give up the wait, and the statement fails with SQLITE_BUSY.
            return 0;
        }
    }

    private bool WaitOnce(int count)
    {
        if (count == 0)
        {
            t_waitStartedAt = _timeProvider.GetTimestamp();
        }
        else if (_timeProvider.GetElapsedTime(t_waitStartedAt) >= _busyTimeout)
        {
            return false;
        }

        _release.Await(LongestPause);
        return true;
    }

    /// <summary>The signal "a write transaction on this file has ended", shared by every waiter of the file in this process.</summary>
    private sealed class FileRelease
    {
        private readonly object _monitor = new();

        public void PulseAll()
        {
            lock (_monitor)
            {
                Monitor.PulseAll(_monitor);
            }
        }

        public void Await(TimeSpan longest)
        {
            lock (_monitor)
            {
                // A release just before this wait is missed; the bound caps what that costs.
                Monitor.Wait(_monitor, longest);
            }
        }
    }
}
