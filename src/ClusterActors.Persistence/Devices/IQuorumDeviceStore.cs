namespace ClusterActors.Persistence.Devices;

/// <summary>Quorum and fencing devices (SPEC M8, M9) as reservation rows in one database that every node of a device can reach.</summary>
/// <remarks>
/// The real analogue of a SCSI reservation: a device is a row; reserving it is one atomic
/// conditional update, so of two nodes racing for the same device in the same epoch exactly one
/// wins. Fencing records, per device, which nodes may no longer write through it; a write is a single
/// statement that checks the fence, so a fenced node cannot slip a write in after the fence landed.
/// </remarks>
public interface IQuorumDeviceStore : IAsyncDisposable
{
    /// <summary>Creates the tables if they do not exist (idempotent, safe to run from every node at once).</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves <paramref name="deviceId"/> for <paramref name="nodeId"/> in <paramref name="epoch"/> with one
    /// atomic conditional update. Succeeds when the device has no reservation, when its reservation is from
    /// an older epoch, or when <paramref name="nodeId"/> already holds it at this epoch or older (a retry is idempotent).
    /// Fails when another node holds it at this epoch or a newer one.
    /// </summary>
    Task<ReservationOutcome> TryReserveAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default);

    /// <summary>The device's current reservation, or null when it was never reserved.</summary>
    Task<DeviceReservation?> GetReservationAsync(string deviceId, CancellationToken cancellationToken = default);

    /// <summary>Fences <paramref name="fencedNodeId"/> off <paramref name="deviceId"/> as of <paramref name="epoch"/> (idempotent; an older fence is raised to this epoch, a newer one is kept).</summary>
    Task FenceAsync(string deviceId, string fencedNodeId, string byNodeId, long epoch, CancellationToken cancellationToken = default);

    /// <summary>Lifts the fence on <paramref name="nodeId"/> if it was set at <paramref name="epoch"/> or earlier (a node readmitted in a later cluster).</summary>
    Task UnfenceAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="nodeId"/> is fenced off <paramref name="deviceId"/>.</summary>
    Task<bool> IsFencedAsync(string deviceId, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> through the device in one statement that refuses a fenced writer.</summary>
    Task<DeviceWriteOutcome> TryWriteAsync(string deviceId, string writerNodeId, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>The value last written under <paramref name="key"/> through the device, or null.</summary>
    Task<byte[]?> ReadAsync(string deviceId, string key, CancellationToken cancellationToken = default);
}

/// <summary>Who holds a device, since which epoch.</summary>
public sealed record DeviceReservation(string DeviceId, string HolderNodeId, long Epoch);

/// <summary>The result of a reservation attempt: whether it succeeded, and who holds the device now.</summary>
public sealed record ReservationOutcome(bool Reserved, DeviceReservation Holder);

/// <summary>The result of a write through a device.</summary>
public enum DeviceWriteOutcome
{
    /// <summary>The value was written.</summary>
    Written,

    /// <summary>The writer is fenced off the device; nothing was written.</summary>
    Fenced,
}
