using ClusterActors.Persistence.MembershipDatabase;
using static ClusterActors.Persistence.Tests.MembershipDatabase.MembershipRecords;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>How the PostgreSQL membership database reports a server it cannot use; no server is needed for these.</summary>
public sealed class PostgresMembershipDatabaseErrorTests
{
    [Fact]
    public async Task T11_unreachable_server_surfaces_as_an_error_naming_the_node_and_the_host()
    {
        // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
        await using var database = new PostgresMembershipDatabase("Host=127.0.0.1;Port=1;Username=x;Password=hidden-secret;Database=nowhere;Timeout=5");

        var error = await Assert.ThrowsAsync<MembershipDatabaseException>(() => database.SaveNodeAsync(Node("node-1")));

        Assert.Contains("node-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1/nowhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void T11_malformed_connection_string_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresMembershipDatabase("Host=db;Password=hidden-secret;Bogus=1"));

        Assert.Contains("Bogus", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hidden-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void T11_connection_string_without_host_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresMembershipDatabase("Username=x;Database=y"));

        Assert.Contains("Host", error.Message, StringComparison.Ordinal);
    }
}
