namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>
/// The membership database (SPEC T11): the persistent configuration of every node, by node id, and the
/// active membership state, the transition states each observer node last wrote.
/// </summary>
/// <remarks>
/// Several nodes may share one database (a SQLite file on one host, a PostgreSQL database across hosts);
/// each node writes its own configuration row and its own observer view, so writers do not contend for rows.
/// </remarks>
public interface IMembershipDatabase : IAsyncDisposable
{
    /// <summary>Creates the tables if they do not exist (idempotent, safe to run from every node at once).</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the configuration of <see cref="NodeConfigurationRecord.NodeId"/> (the last write wins).</summary>
    /// <exception cref="ArgumentException">A field is empty or negative; the message names it.</exception>
    Task SaveNodeAsync(NodeConfigurationRecord node, CancellationToken cancellationToken = default);

    /// <summary>The configuration of <paramref name="nodeId"/>, or null when none was saved.</summary>
    Task<NodeConfigurationRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken = default);

    /// <summary>Every saved node configuration, ordered by node id (ordinal).</summary>
    Task<IReadOnlyList<NodeConfigurationRecord>> ListNodesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the whole view of <see cref="TransitionStatesRecord.ObserverNodeId"/> in one transaction. A write
    /// whose (<see cref="TransitionStatesRecord.Epoch"/>, <see cref="TransitionStatesRecord.Sequence"/>) is lower
    /// than the stored one is ignored and returns false; an equal one (a retry) replaces the view and returns true.
    /// </summary>
    /// <exception cref="ArgumentException">A field is empty or negative, or a node appears twice; the message names it.</exception>
    Task<bool> SaveTransitionStatesAsync(TransitionStatesRecord states, CancellationToken cancellationToken = default);

    /// <summary>The view <paramref name="observerNodeId"/> last wrote, its states ordered by node id (ordinal); null when it wrote none.</summary>
    Task<TransitionStatesRecord?> GetTransitionStatesAsync(string observerNodeId, CancellationToken cancellationToken = default);
}
