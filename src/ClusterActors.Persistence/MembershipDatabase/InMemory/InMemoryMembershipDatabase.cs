using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>
/// A real implementation of <see cref="IMembershipDatabase"/> for the nodes of one process (not a mock):
/// the same semantics as the database stores, thread-safe, and every call completes synchronously.
/// </summary>
/// <remarks>
/// The deterministic simulator runs nodes on virtual time and must not hop threads, so nothing here awaits:
/// each method decides under one lock and returns a completed task. Share one instance between the nodes
/// that share a database; disposing it keeps the state, so one node's shutdown does not wipe the others'.
/// Records are stored as the databases store them (UpdatedAt in UTC to the microsecond, states ordered by
/// node id, copied), so callers cannot change stored state through a list they still hold.
/// </remarks>
public sealed class InMemoryMembershipDatabase : IMembershipDatabase
{
    private const string StoreName = "in-memory membership database";

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, NodeConfigurationRecord> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitionStatesRecord> _views = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates an empty database; <paramref name="logger"/> receives saved and ignored writes.</summary>
    public InMemoryMembershipDatabase(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task SaveNodeAsync(NodeConfigurationRecord node, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Node(node, nameof(node));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var stored = node with { UpdatedAt = StoredTime.Normalize(node.UpdatedAt) };
        lock (_gate)
        {
            _nodes[stored.NodeId] = stored;
        }

        _logger.NodeSaved(node.NodeId, node.ClusterAddress, node.LastIncarnation, node.LastEpoch, StoreName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<NodeConfigurationRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Id(nodeId, nameof(nodeId));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<NodeConfigurationRecord?>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_nodes.GetValueOrDefault(nodeId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeConfigurationRecord>> ListNodesAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<NodeConfigurationRecord>>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<NodeConfigurationRecord>>([.. _nodes.Values]);
        }
    }

    /// <inheritdoc />
    public Task<bool> SaveTransitionStatesAsync(TransitionStatesRecord states, CancellationToken cancellationToken = default)
    {
        MembershipArguments.States(states, nameof(states));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        var copy = states with
        {
            UpdatedAt = StoredTime.Normalize(states.UpdatedAt),
            States = states.States.OrderBy(s => s.NodeId, StringComparer.Ordinal).ToImmutableArray(),
        };
        StoredView stored;
        lock (_gate)
        {
            // Checked and replaced under one lock: the in-process analogue of the databases' transaction.
            stored = _views.TryGetValue(states.ObserverNodeId, out var current)
                ? new StoredView(current.Epoch, current.Sequence)
                : new StoredView(states.Epoch, states.Sequence);
            if (stored.AcceptsWrite(states))
            {
                _views[states.ObserverNodeId] = copy;
                stored = new StoredView(states.Epoch, states.Sequence);
            }
        }

        _logger.TransitionStatesWrite(states, stored, StoreName);
        return Task.FromResult(stored == new StoredView(states.Epoch, states.Sequence));
    }

    /// <inheritdoc />
    public Task<TransitionStatesRecord?> GetTransitionStatesAsync(string observerNodeId, CancellationToken cancellationToken = default)
    {
        MembershipArguments.Id(observerNodeId, nameof(observerNodeId));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TransitionStatesRecord?>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_views.GetValueOrDefault(observerNodeId));
        }
    }

    /// <summary>Does nothing: the state outlives any one node's use of the database (see the remarks).</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
