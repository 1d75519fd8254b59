namespace ClusterActors.Persistence.Devices;

/// <summary>Which database holds the quorum devices (<c>clusteractors.cluster.quorum-devices.provider</c>).</summary>
public enum QuorumDeviceProvider
{
    /// <summary>A SQLite file shared by the nodes of one host ("sqlite").</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that nodes on several hosts reach ("postgresql").</summary>
    PostgreSql,
}
