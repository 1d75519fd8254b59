namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>Which database holds the membership database (<c>clusteractors.membership-database.provider</c>).</summary>
public enum MembershipDatabaseProvider
{
    /// <summary>A SQLite file ("sqlite"): per node by default, or shared by the nodes of one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that nodes on several hosts reach ("postgresql").</summary>
    PostgreSql,
}
