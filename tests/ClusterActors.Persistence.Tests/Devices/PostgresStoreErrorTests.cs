using ClusterActors.Persistence.Devices;

namespace ClusterActors.Persistence.Tests.Devices;

/// <summary>How the PostgreSQL store reports a server it cannot use; no server is needed for these.</summary>
public sealed class PostgresStoreErrorTests
{
    [Fact]
    public async Task M8_unreachable_server_surfaces_as_an_error_naming_the_device_and_the_host()
    {
        // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
        await using var store = new PostgresQuorumDeviceStore("Host=127.0.0.1;Port=1;Username=x;Password=hidden-secret;Database=nowhere;Timeout=5");

        var error = await Assert.ThrowsAsync<QuorumDeviceStoreException>(() => store.TryReserveAsync("disk-a", "node-1", 1));

        Assert.Contains("disk-a", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1/nowhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M8_malformed_connection_string_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresQuorumDeviceStore("Host=db;Password=hidden-secret;Bogus=1"));

        Assert.Contains("Bogus", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hidden-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M8_connection_string_without_host_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresQuorumDeviceStore("Username=x;Database=y"));

        Assert.Contains("Host", error.Message, StringComparison.Ordinal);
    }
}
