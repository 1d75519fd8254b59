using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Persistence.Devices;

/// <summary>
/// A real implementation of <see cref="IQuorumDeviceStore"/> for the nodes of one process (not a mock):
/// the same semantics as the database stores, thread-safe, and every call completes synchronously.
/// </summary>
/// <remarks>
/// The deterministic simulator runs membership coordinators on virtual time and must not hop threads, so
/// nothing here awaits: each method decides under one lock and returns a completed task. Share one
/// instance between all nodes that share devices; disposing it keeps the state, so one node's shutdown
/// does not wipe the devices of the others.
/// </remarks>
public sealed class InMemoryQuorumDeviceStore : IQuorumDeviceStore
{
    private const string StoreName = "in-memory store";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeviceReservation> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<(string DeviceId, string NodeId), Fence> _fences = [];
    private readonly Dictionary<(string DeviceId, string Key), byte[]> _data = [];
    private readonly ILogger _logger;

    /// <summary>Creates an empty store; <paramref name="logger"/> receives reservations, fences and refused writes.</summary>
    public InMemoryQuorumDeviceStore(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReservationOutcome> TryReserveAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ReservationOutcome>(cancellationToken);
        }

        ReservationOutcome outcome;
        lock (_gate)
        {
            // The same condition as the databases' conditional upsert.
            if (!_reservations.TryGetValue(deviceId, out var current)
                || current.Epoch < epoch
                || (current.HolderNodeId == nodeId && current.Epoch == epoch))
            {
                var reservation = new DeviceReservation(deviceId, nodeId, epoch);
                _reservations[deviceId] = reservation;
                outcome = new ReservationOutcome(true, reservation);
            }
            else
            {
                outcome = new ReservationOutcome(false, current);
            }
        }

        _logger.Reservation(outcome, nodeId, epoch, StoreName);
        return Task.FromResult(outcome);
    }

    /// <inheritdoc />
    public Task<DeviceReservation?> GetReservationAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<DeviceReservation?>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_reservations.GetValueOrDefault(deviceId));
        }
    }

    /// <inheritdoc />
    public Task FenceAsync(string deviceId, string fencedNodeId, string byNodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(fencedNodeId, nameof(fencedNodeId));
        DeviceArguments.Id(byNodeId, nameof(byNodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            if (!_fences.TryGetValue((deviceId, fencedNodeId), out var current) || current.Epoch < epoch)
            {
                _fences[(deviceId, fencedNodeId)] = new Fence(byNodeId, epoch);
            }
        }

        _logger.Fenced(fencedNodeId, deviceId, byNodeId, epoch, StoreName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnfenceAsync(string deviceId, string nodeId, long epoch, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        DeviceArguments.Epoch(epoch, nameof(epoch));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        bool lifted;
        lock (_gate)
        {
            lifted = _fences.TryGetValue((deviceId, nodeId), out var current) && current.Epoch <= epoch && _fences.Remove((deviceId, nodeId));
        }

        if (lifted)
        {
            _logger.Unfenced(nodeId, deviceId, epoch, StoreName);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsFencedAsync(string deviceId, string nodeId, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(nodeId, nameof(nodeId));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_fences.ContainsKey((deviceId, nodeId)));
        }
    }

    /// <inheritdoc />
    public Task<DeviceWriteOutcome> TryWriteAsync(string deviceId, string writerNodeId, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(writerNodeId, nameof(writerNodeId));
        DeviceArguments.Id(key, nameof(key));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<DeviceWriteOutcome>(cancellationToken);
        }

        var copy = value.ToArray();
        bool fenced;
        lock (_gate)
        {
            // Checked and written under one lock: the in-process analogue of the single conditional statement.
            fenced = _fences.ContainsKey((deviceId, writerNodeId));
            if (!fenced)
            {
                _data[(deviceId, key)] = copy;
            }
        }

        if (fenced)
        {
            _logger.WriteRefused(key, deviceId, writerNodeId, StoreName);
            return Task.FromResult(DeviceWriteOutcome.Fenced);
        }

        return Task.FromResult(DeviceWriteOutcome.Written);
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string deviceId, string key, CancellationToken cancellationToken = default)
    {
        DeviceArguments.Id(deviceId, nameof(deviceId));
        DeviceArguments.Id(key, nameof(key));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<byte[]?>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_data.TryGetValue((deviceId, key), out var value) ? (byte[]?)value.ToArray() : null);
        }
    }

    /// <summary>Does nothing: the state outlives any one node's use of the store (see the remarks).</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private readonly record struct Fence(string ByNodeId, long Epoch);
}
