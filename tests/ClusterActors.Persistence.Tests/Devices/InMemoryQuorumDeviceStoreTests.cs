using ClusterActors.Persistence.Devices;

namespace ClusterActors.Persistence.Tests.Devices;

/// <summary>The store contract on the in-process store; every client is the one shared instance, as in the simulator.</summary>
public sealed class InMemoryQuorumDeviceStoreTests : QuorumDeviceStoreConformance
{
    protected override IQuorumDeviceStore CreateClient() => FirstClient ?? new InMemoryQuorumDeviceStore();

    [Fact]
    public void M8_every_call_completes_synchronously_for_the_simulator()
    {
        var calls = new Task[]
        {
            Store.EnsureCreatedAsync(),
            Store.TryReserveAsync("disk-a", "node-1", 1),
            Store.GetReservationAsync("disk-a"),
            Store.FenceAsync("disk-a", "node-2", "node-1", 1),
            Store.IsFencedAsync("disk-a", "node-2"),
            Store.TryWriteAsync("disk-a", "node-2", "state", new byte[] { 1 }),
            Store.ReadAsync("disk-a", "state"),
            Store.UnfenceAsync("disk-a", "node-2", 1),
        };

        Assert.All(calls, call => Assert.True(call.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task M9_read_value_is_a_copy_the_caller_cannot_change_in_the_store()
    {
        var value = new byte[] { 1, 2 };
        await Store.TryWriteAsync("disk-a", "node-1", "state", value);
        value[0] = 9;
        var read = await Store.ReadAsync("disk-a", "state");
        read![1] = 9;

        Assert.Equal(new byte[] { 1, 2 }, await Store.ReadAsync("disk-a", "state"));
    }
}
