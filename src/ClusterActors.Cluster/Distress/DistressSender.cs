using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Distress;

/// <summary>
/// The dedicated distress sender (SPEC S1–S3): it holds the pre-formed frame and the members to tell,
/// and a thread of its own that waits, ready to write. A node sends one distress in its life; later
/// calls learn that it was already sent.
/// </summary>
/// <remarks>
/// Failure time is the worst time to allocate, serialize or schedule: the frame was built at start
/// (<see cref="DistressFrame.Build"/>), filling in the kind and reason writes into its fixed slots,
/// and both ways write that same buffer. The thread is a plain thread, not a pool task, so a starved
/// or exhausted thread pool cannot hold the signal back.
/// </remarks>
public sealed class DistressSender : IDisposable
{
    private readonly DistressFrame frame;
    private readonly IDistressWire wire;
    private readonly TimeSpan writeTimeout;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly TaskCompletionSource<int> written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread thread;
    private Address[] targets = [];
    private int claimed;
    private int woken;
    private volatile bool asyncRequested;
    private volatile bool disposed;

    /// <summary>Starts the sender thread, waiting; <paramref name="frame"/> is the node's pre-formed frame.</summary>
    public DistressSender(DistressFrame frame, IDistressWire wire, TimeSpan writeTimeout)
    {
        this.frame = frame ?? throw new ArgumentNullException(nameof(frame));
        this.wire = wire ?? throw new ArgumentNullException(nameof(wire));
        this.writeTimeout = writeTimeout;
        thread = new Thread(WaitAndSend) { IsBackground = true, Name = "clusteractors-distress" };
        thread.Start();
    }

    /// <summary>The frame this sender writes (the same buffer for its whole life).</summary>
    public DistressFrame Frame => frame;

    /// <summary>Completes with the number of members written to once a distress was sent, either way.</summary>
    public Task<int> Written => written.Task;

    /// <summary>How many members a distress goes to now.</summary>
    public int TargetCount => Volatile.Read(ref targets).Length;

    /// <summary>True once the sender was disposed (its node is stopping); it sends nothing more.</summary>
    public bool Stopped => disposed;

    /// <summary>True once a distress was handed to this sender.</summary>
    public bool Sent => Volatile.Read(ref claimed) != 0;

    /// <summary>The members a distress goes to (every member but this node); connections to them are opened now.</summary>
    public void SetTargets(IEnumerable<Address> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var next = members.ToArray();
        Volatile.Write(ref targets, next);
        foreach (var member in next)
        {
            wire.EnsureConnected(member);
        }
    }

    /// <summary>
    /// Sends the distress <paramref name="way"/>: <see cref="DistressWay.Async"/> wakes the sender
    /// thread and returns at once; <see cref="DistressWay.Sync"/> writes to every member on this
    /// thread and returns when done. False when a distress was already sent (this one is not).
    /// </summary>
    public bool TrySend(DistressWay way, string kind, string reason)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(reason);
        if (disposed || Interlocked.Exchange(ref claimed, 1) != 0)
        {
            return false;
        }

        frame.Fill(kind, reason);
        if (way == DistressWay.Async)
        {
            asyncRequested = true;
            Wake();
        }
        else
        {
            written.TrySetResult(WriteToEveryMember());
        }

        return true;
    }

    /// <summary>Ends the waiting thread; an asynchronous distress already handed to it is still written.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Wake();
    }

    /// <summary>Wakes the thread exactly once: for an asynchronous send, or to end.</summary>
    private void Wake()
    {
        if (Interlocked.Exchange(ref woken, 1) == 0)
        {
            wake.Release();
        }
    }

    private void WaitAndSend()
    {
        wake.Wait();
        wake.Dispose();
        written.TrySetResult(asyncRequested ? WriteToEveryMember() : 0);
    }

    private int WriteToEveryMember()
    {
        var count = 0;
        foreach (var member in Volatile.Read(ref targets))
        {
            if (wire.WriteDistress(member, frame.Buffer, writeTimeout))
            {
                count++;
            }
        }

        return count;
    }
}
