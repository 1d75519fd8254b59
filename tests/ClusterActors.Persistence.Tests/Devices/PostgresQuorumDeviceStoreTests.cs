using ClusterActors.Persistence.Devices;
using ClusterActors.Persistence.Tests.Support;

namespace ClusterActors.Persistence.Tests.Devices;

/// <summary>The store contract on a real PostgreSQL server, in a schema of the test's own; skipped with the reason when none is configured.</summary>
[RequiresPostgres]
public sealed class PostgresQuorumDeviceStoreTests : QuorumDeviceStoreConformance
{
    private TestSchema? _schema;

    protected override async Task CreateDatabaseAsync() => _schema = await TestPostgres.CreateSchemaAsync();

    protected override IQuorumDeviceStore CreateClient() => new PostgresQuorumDeviceStore(_schema!.ConnectionString);

    protected override async Task DropDatabaseAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
