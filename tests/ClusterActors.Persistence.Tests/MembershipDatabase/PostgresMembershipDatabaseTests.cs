using ClusterActors.Persistence.MembershipDatabase;
using ClusterActors.Persistence.Tests.Support;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>The membership-database contract on a real PostgreSQL server, in a schema of the test's own; skipped with the reason when none is configured.</summary>
[RequiresPostgres]
public sealed class PostgresMembershipDatabaseTests : MembershipDatabaseConformance
{
    private TestSchema? _schema;

    protected override async Task CreateDatabaseAsync() => _schema = await TestPostgres.CreateSchemaAsync();

    protected override IMembershipDatabase CreateClient() => new PostgresMembershipDatabase(_schema!.ConnectionString);

    protected override async Task DropDatabaseAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
