namespace ClusterActors.Persistence.Tests.Support;

/// <summary>A fact that needs the PostgreSQL server: skipped, with the reason, when CLUSTERACTORS_TEST_POSTGRES is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}
