using System.Collections.Concurrent;
using ClusterActors.Persistence.Devices;
using ClusterActors.Persistence.Tests.Support;

namespace ClusterActors.Persistence.Tests.Devices;

/// <summary>
/// The contract of <see cref="IQuorumDeviceStore"/> (SPEC M8, M9), run against every store by a derived
/// class. <see cref="OpenStore"/> gives another client of the same backing database, as another node would have.
/// </summary>
public abstract class QuorumDeviceStoreConformance : IAsyncLifetime
{
    private const int RaceRounds = 200;
    private readonly List<IQuorumDeviceStore> _opened = [];

    /// <summary>The first client, with the tables created.</summary>
    protected IQuorumDeviceStore Store { get; private set; } = null!;

    /// <summary>The first client opened, or null before <see cref="InitializeAsync"/>.</summary>
    protected IQuorumDeviceStore? FirstClient => _opened.Count == 0 ? null : _opened[0];

    /// <summary>A new client (its own instance and connections) on the same backing database.</summary>
    protected abstract IQuorumDeviceStore CreateClient();

    /// <summary>Frees the backing database after every client is disposed.</summary>
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Prepares the backing database before the first client opens.</summary>
    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = OpenStore();
        await Store.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    protected IQuorumDeviceStore OpenStore()
    {
        var store = CreateClient();
        _opened.Add(store);
        return store;
    }

    [StoreFact]
    public async Task M8_free_device_is_reserved_by_the_first_node()
    {
        Assert.Null(await Store.GetReservationAsync("disk-a"));

        var outcome = await Store.TryReserveAsync("disk-a", "node-1", 1);

        Assert.True(outcome.Reserved);
        Assert.Equal(new DeviceReservation("disk-a", "node-1", 1), outcome.Holder);
        Assert.Equal(outcome.Holder, await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_reservation_from_an_older_epoch_is_taken_over()
    {
        await Store.TryReserveAsync("disk-a", "node-1", 3);

        var outcome = await OpenStore().TryReserveAsync("disk-a", "node-2", 4);

        Assert.True(outcome.Reserved);
        Assert.Equal(new DeviceReservation("disk-a", "node-2", 4), outcome.Holder);
        Assert.Equal(outcome.Holder, await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_same_epoch_reservation_by_another_node_is_refused_and_names_the_holder()
    {
        await Store.TryReserveAsync("disk-a", "node-1", 5);

        var outcome = await OpenStore().TryReserveAsync("disk-a", "node-2", 5);

        Assert.False(outcome.Reserved);
        Assert.Equal(new DeviceReservation("disk-a", "node-1", 5), outcome.Holder);
        Assert.Equal(outcome.Holder, await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_holder_retrying_its_reservation_succeeds_idempotently()
    {
        var first = await Store.TryReserveAsync("disk-a", "node-1", 2);
        var retry = await OpenStore().TryReserveAsync("disk-a", "node-1", 2);
        var later = await Store.TryReserveAsync("disk-a", "node-1", 7);

        Assert.True(first.Reserved);
        Assert.Equal(first, retry);
        Assert.True(later.Reserved);
        Assert.Equal(new DeviceReservation("disk-a", "node-1", 7), await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_newer_epoch_reservation_is_not_overwritten_by_an_older_one()
    {
        await Store.TryReserveAsync("disk-a", "node-2", 9);

        var otherNode = await OpenStore().TryReserveAsync("disk-a", "node-1", 8);
        var sameNode = await Store.TryReserveAsync("disk-a", "node-2", 8);

        var newest = new DeviceReservation("disk-a", "node-2", 9);
        Assert.Equal(new ReservationOutcome(false, newest), otherNode);
        Assert.Equal(new ReservationOutcome(false, newest), sameNode);
        Assert.Equal(newest, await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_devices_are_reserved_independently()
    {
        await Store.TryReserveAsync("disk-a", "node-1", 4);

        var other = await Store.TryReserveAsync("disk-b", "node-2", 1);

        Assert.True(other.Reserved);
        Assert.Equal(new DeviceReservation("disk-a", "node-1", 4), await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_bad_arguments_are_refused_before_touching_the_store()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TryReserveAsync("", "node-1", 1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TryReserveAsync("disk-a", " ", 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryReserveAsync("disk-a", "node-1", -1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.FenceAsync("disk-a", "node-1", "", 1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TryWriteAsync("disk-a", "node-1", "", new byte[] { 1 }));

        Assert.Null(await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_cancelled_call_throws_and_changes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.TryReserveAsync("disk-a", "node-1", 1, cancelled.Token));

        Assert.Null(await Store.GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public async Task M8_tables_are_created_idempotently_by_many_nodes_at_once()
    {
        var clients = Enumerable.Range(0, 8).Select(_ => OpenStore()).ToArray();
        await Store.TryReserveAsync("disk-a", "node-1", 1);

        await Task.WhenAll(clients.Select(c => Task.Run(() => c.EnsureCreatedAsync())));
        await Store.EnsureCreatedAsync();

        Assert.Equal(new DeviceReservation("disk-a", "node-1", 1), await clients[^1].GetReservationAsync("disk-a"));
    }

    [StoreFact]
    public Task M8_race_for_one_device_between_2_nodes_has_exactly_one_winner() => RaceAsync(2);

    [StoreFact]
    public Task M8_race_for_one_device_between_8_nodes_has_exactly_one_winner() => RaceAsync(8);

    [StoreFact]
    public async Task M9_written_value_reads_back_per_device_and_key()
    {
        Assert.Null(await Store.ReadAsync("disk-a", "state"));

        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 1, 2, 3 }));
        Assert.Equal(DeviceWriteOutcome.Written, await OpenStore().TryWriteAsync("disk-a", "node-2", "state", new byte[] { 4, 5 }));
        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-b", "node-1", "state", new byte[] { 6 }));
        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-a", "node-1", "other", Array.Empty<byte>()));

        Assert.Equal(new byte[] { 4, 5 }, await Store.ReadAsync("disk-a", "state"));
        Assert.Equal(new byte[] { 6 }, await Store.ReadAsync("disk-b", "state"));
        Assert.Equal(Array.Empty<byte>(), await Store.ReadAsync("disk-a", "other"));
    }

    [StoreFact]
    public async Task M9_fenced_node_write_is_refused_and_leaves_the_data_unchanged()
    {
        await Store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 1 });
        await OpenStore().FenceAsync("disk-a", "node-1", "node-2", 3);

        var outcome = await Store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 2 });

        Assert.Equal(DeviceWriteOutcome.Fenced, outcome);
        Assert.Equal(new byte[] { 1 }, await Store.ReadAsync("disk-a", "state"));
        Assert.True(await Store.IsFencedAsync("disk-a", "node-1"));
    }

    [StoreFact]
    public async Task M9_fence_applies_to_its_node_on_its_device_only()
    {
        await Store.FenceAsync("disk-a", "node-1", "node-2", 3);

        Assert.False(await Store.IsFencedAsync("disk-a", "node-2"));
        Assert.False(await Store.IsFencedAsync("disk-b", "node-1"));
        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-a", "node-2", "state", new byte[] { 2 }));
        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-b", "node-1", "state", new byte[] { 1 }));
    }

    [StoreFact]
    public async Task M9_write_is_allowed_again_after_unfence()
    {
        await Store.FenceAsync("disk-a", "node-1", "node-2", 3);
        Assert.Equal(DeviceWriteOutcome.Fenced, await Store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 1 }));

        await OpenStore().UnfenceAsync("disk-a", "node-1", 4);

        Assert.False(await Store.IsFencedAsync("disk-a", "node-1"));
        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 2 }));
        Assert.Equal(new byte[] { 2 }, await Store.ReadAsync("disk-a", "state"));
    }

    [StoreFact]
    public async Task M9_fence_is_raised_to_a_newer_epoch_and_kept_against_an_older_one()
    {
        await Store.FenceAsync("disk-a", "node-1", "node-2", 5);
        await Store.FenceAsync("disk-a", "node-1", "node-3", 3);
        await Store.FenceAsync("disk-a", "node-1", "node-2", 5);

        // Still the fence of epoch 5: an unfence as of epoch 4 does not lift it.
        await Store.UnfenceAsync("disk-a", "node-1", 4);
        Assert.True(await Store.IsFencedAsync("disk-a", "node-1"));

        await Store.FenceAsync("disk-a", "node-1", "node-2", 7);
        await Store.UnfenceAsync("disk-a", "node-1", 6);
        Assert.True(await Store.IsFencedAsync("disk-a", "node-1"));

        await Store.UnfenceAsync("disk-a", "node-1", 7);
        Assert.False(await Store.IsFencedAsync("disk-a", "node-1"));
    }

    [StoreFact]
    public async Task M9_unfence_of_a_node_never_fenced_changes_nothing()
    {
        await Store.UnfenceAsync("disk-a", "node-1", 3);

        Assert.False(await Store.IsFencedAsync("disk-a", "node-1"));
        Assert.Equal(DeviceWriteOutcome.Written, await Store.TryWriteAsync("disk-a", "node-1", "state", new byte[] { 1 }));
    }

    [StoreFact]
    public async Task M9_no_write_by_the_fenced_node_lands_after_the_fence_returns()
    {
        for (var round = 0; round < 10; round++)
        {
            await FenceWhileWritingAsync($"fence-race-{round}");
        }
    }

    private async Task RaceAsync(int contenders)
    {
        var clients = Enumerable.Range(0, contenders).Select(_ => OpenStore()).ToArray();
        for (var round = 0; round < RaceRounds; round++)
        {
            // Even rounds race for a device nobody reserved yet, odd rounds take over the last round's reservation.
            var (device, epoch) = round % 2 == 0 ? ($"race-{round}", 1L) : ("race-shared", round);
            // A thread per contender, all let go at once by the barrier: more runnable threads than cores, so
            // the contenders really interleave (thread-pool tasks would mostly run one after the other).
            using var barrier = new Barrier(contenders);
            var attempts = clients
                .Select((client, i) => Task.Factory.StartNew(
                    () =>
                    {
                        barrier.SignalAndWait();
                        return client.TryReserveAsync(device, $"node-{i}", epoch);
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default).Unwrap())
                .ToArray();
            var outcomes = await Task.WhenAll(attempts);

            var winners = outcomes.Where(o => o.Reserved).ToArray();
            Assert.True(winners.Length == 1, $"round {round} ({device}, epoch {epoch}) had {winners.Length} winners among {contenders}");
            Assert.All(outcomes, o => Assert.Equal(winners[0].Holder, o.Holder));
            Assert.Equal(winners[0].Holder, await Store.GetReservationAsync(device));
        }
    }

    private async Task FenceWhileWritingAsync(string device)
    {
        const string Writer = "node-old";
        const string Key = "state";
        var writerStore = OpenStore();
        var fencerStore = OpenStore();
        var fenceReturned = 0;
        var enoughWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var violations = new ConcurrentQueue<string>();
        long lastWritten = 0;

        var writer = Task.Run(async () =>
        {
            var refused = 0;
            for (long i = 1; refused < 20; i++)
            {
                Assert.True(i < 1_000_000, "the writer was never fenced");

                // The in-memory store never yields on its own: let the fencer have a thread.
                await Task.Yield();
                var startedAfterFence = Volatile.Read(ref fenceReturned) == 1;
                var outcome = await writerStore.TryWriteAsync(device, Writer, Key, BitConverter.GetBytes(i));
                if (outcome == DeviceWriteOutcome.Written)
                {
                    if (startedAfterFence || refused > 0)
                    {
                        violations.Enqueue($"write {i} landed after the fence (started after FenceAsync returned: {startedAfterFence}, refused before: {refused})");
                    }

                    lastWritten = i;
                    if (i >= 10)
                    {
                        enoughWritten.TrySetResult();
                    }
                }
                else
                {
                    refused++;
                }
            }
        });

        // The writer ending first means it failed: surface that instead of waiting for writes that never come.
        await Task.WhenAny(enoughWritten.Task, writer);
        if (writer.IsCompleted)
        {
            await writer;
        }

        await fencerStore.FenceAsync(device, Writer, "node-new", 2);
        Volatile.Write(ref fenceReturned, 1);
        var atFence = await fencerStore.ReadAsync(device, Key);
        await writer.WaitAsync(TimeSpan.FromSeconds(60));
        var atEnd = await fencerStore.ReadAsync(device, Key);

        Assert.Empty(violations);
        Assert.Equal(atFence, atEnd);
        Assert.Equal(BitConverter.GetBytes(lastWritten), atEnd);
    }
}
