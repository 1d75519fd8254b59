using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClusterActors.Actors;
using ClusterActors.Cluster.Distress;
using ClusterActors.Remoting;
using Xunit;

namespace ClusterActors.Cluster.Tests.Distress;

/// <summary>SPEC S1–S4 on the dedicated sender: one pre-formed buffer, a waiting thread for the asynchronous way, the caller's thread for the synchronous one.</summary>
public sealed class DistressSenderTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly Address Node2 = new("ca.tcp", "sys", "127.0.0.1", 2553);
    private static readonly Address Node3 = new("ca.tcp", "sys", "127.0.0.1", 2554);

    private static DistressFrame Frame() =>
        DistressFrame.Build(new NodeIdentity("node-1", new Address("ca.tcp", "sys", "127.0.0.1", 2552), 42, "0.1.0", WireProtocol.SupportedVersions));

    [Fact]
    public void S1_every_write_uses_the_buffer_built_at_start()
    {
        var frame = Frame();
        var built = frame.Buffer;
        var wire = new RecordingWire(frame);
        using var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2, Node3]);

        Assert.True(sender.TrySend(DistressWay.Sync, "hardware", "ECC error"));

        Assert.Equal([Node2, Node3], wire.Written.Select(write => write.Target));
        Assert.All(wire.Written, write => Assert.True(write.SameBufferAsBuilt, "a write did not use the frame's own buffer"));
        Assert.Same(built, sender.Frame.Buffer);
        Assert.Equal([Node2, Node3], wire.Connected);
    }

    [Fact]
    public async Task S3_async_returns_before_the_frame_is_written_and_the_waiting_thread_writes_it()
    {
        var frame = Frame();
        using var release = new ManualResetEventSlim();
        var wire = new RecordingWire(frame, release);
        using var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2, Node3]);

        Assert.True(sender.TrySend(DistressWay.Async, "power-loss", "on battery"));

        // The one write under way is blocked in the wire: the call above returned before it finished.
        Assert.Empty(wire.Written);
        Assert.False(sender.Written.IsCompleted);
        release.Set();
        Assert.Equal(2, await sender.Written.WaitAsync(Deadline));
        Assert.All(wire.Written, write => Assert.NotEqual(Environment.CurrentManagedThreadId, write.ThreadId));
    }

    [Fact]
    public async Task S2_a_dedicated_thread_of_its_own_not_a_pool_thread_writes_an_async_distress()
    {
        var frame = Frame();
        var wire = new RecordingWire(frame);
        using var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2]);

        sender.TrySend(DistressWay.Async, "power-loss", "on battery");

        Assert.Equal(1, await sender.Written.WaitAsync(Deadline));
        var write = Assert.Single(wire.Written);
        Assert.Equal("clusteractors-distress", write.ThreadName);
        Assert.False(write.OnPoolThread);
    }

    [Fact]
    public async Task S3_sync_returns_only_after_every_member_was_written_on_the_calling_thread()
    {
        var frame = Frame();
        var wire = new RecordingWire(frame);
        using var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2, Node3]);

        Assert.True(sender.TrySend(DistressWay.Sync, "imminent-crash", "watchdog"));

        Assert.Equal(2, wire.Written.Count);
        Assert.All(wire.Written, write => Assert.Equal(Environment.CurrentManagedThreadId, write.ThreadId));
        Assert.True(sender.Written.IsCompletedSuccessfully);
        Assert.Equal(2, await sender.Written);
    }

    [Fact]
    public void S5_a_node_sends_one_distress_in_its_life()
    {
        var frame = Frame();
        var wire = new RecordingWire(frame);
        using var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2]);

        Assert.True(sender.TrySend(DistressWay.Sync, "hardware", "first"));
        Assert.False(sender.TrySend(DistressWay.Sync, "network-down", "second"));

        Assert.Single(wire.Written);
        Assert.True(sender.Sent);
    }

    [Fact]
    public async Task A_stopped_sender_sends_nothing_and_says_it_stopped()
    {
        var frame = Frame();
        var wire = new RecordingWire(frame);
        var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2]);

        sender.Dispose();

        Assert.True(sender.Stopped);
        Assert.False(sender.TrySend(DistressWay.Sync, "hardware", "too late"));
        Assert.False(sender.Sent);
        Assert.Equal(0, await sender.Written.WaitAsync(Deadline));
        Assert.Empty(wire.Written);
    }

    [Fact]
    public async Task A_member_that_cannot_be_written_is_skipped_and_not_counted()
    {
        var frame = Frame();
        var wire = new RecordingWire(frame) { Refuse = Node2 };
        using var sender = new DistressSender(frame, wire, Deadline);
        sender.SetTargets([Node2, Node3]);

        sender.TrySend(DistressWay.Sync, "hardware", "fan");

        Assert.True(sender.Written.IsCompletedSuccessfully);
        Assert.Equal(1, await sender.Written);
    }

    /// <summary>Records each write: target, thread, and whether the span was the frame's own buffer; can hold writes until released.</summary>
    private sealed class RecordingWire(DistressFrame frame, ManualResetEventSlim? release = null) : IDistressWire
    {
        private readonly object gate = new();
        private readonly List<(Address Target, int ThreadId, bool SameBufferAsBuilt, string? ThreadName, bool OnPoolThread)> written = [];
        private readonly List<Address> connected = [];

        public Address? Refuse { get; init; }

        public IReadOnlyList<(Address Target, int ThreadId, bool SameBufferAsBuilt, string? ThreadName, bool OnPoolThread)> Written
        {
            get
            {
                lock (gate)
                {
                    return [.. written];
                }
            }
        }

        public IReadOnlyList<Address> Connected
        {
            get
            {
                lock (gate)
                {
                    return [.. connected];
                }
            }
        }

        public bool WriteDistress(Address target, ReadOnlySpan<byte> bytes, TimeSpan timeout)
        {
            if (release is not null && !release.Wait(Deadline))
            {
                return false;
            }

            if (target == Refuse)
            {
                return false;
            }

            var same = bytes.Length == frame.Buffer.Length && Unsafe.AreSame(ref MemoryMarshal.GetReference(bytes), ref frame.Buffer[0]);
            lock (gate)
            {
                written.Add((target, Environment.CurrentManagedThreadId, same, Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            }

            return true;
        }

        public void EnsureConnected(Address target)
        {
            lock (gate)
            {
                connected.Add(target);
            }
        }
    }
}
