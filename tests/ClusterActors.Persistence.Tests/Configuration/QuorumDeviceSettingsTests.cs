using ClusterActors.Hocon;
using ClusterActors.Persistence.Devices;
using ClusterActors.Persistence.Tests.Support;

namespace ClusterActors.Persistence.Tests.Configuration;

/// <summary>Reading <c>clusteractors.cluster.quorum-devices</c> over the repository's reference.conf.</summary>
public sealed class QuorumDeviceSettingsTests
{
    private const string Section = "clusteractors.cluster.quorum-devices";
    private static readonly HoconConfig Reference = HoconConfig.ParseFile(RepositoryFiles.Find("hocon/reference.conf"));
    private static readonly string DataDirectory = Path.Combine(Path.GetTempPath(), "cluster", "data", "n1");

    private static QuorumDeviceSettings Read(string hocon, string? dataDirectory = null) =>
        QuorumDeviceSettings.Read(
            HoconConfig.Parse(hocon).WithFallback(Reference).Resolve(HoconResolveOptions.WithoutEnvironment),
            dataDirectory ?? DataDirectory);

    private static string InSection(string body) => $"{Section} {{ {body} }}";

    [Fact]
    public void M8_reference_defaults_are_a_sqlite_file_beside_the_node_data_directories()
    {
        var settings = Read("");

        Assert.Equal(QuorumDeviceProvider.Sqlite, settings.Provider);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "cluster", "data", "quorum-devices.db"), settings.SqlitePath);
        Assert.Equal("", settings.PostgresConnectionString);
        Assert.Empty(settings.Devices);
        Assert.Equal(QuorumDeviceSettings.CrownPrinceWins, settings.NoDeviceWinner);
    }

    [Fact]
    public void M8_relative_sqlite_path_is_resolved_against_a_relative_data_directory()
    {
        var settings = Read(InSection("sqlite.path = \"devices/q.db\""), Path.Combine("data", "n2"));

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "n2", "devices", "q.db")), settings.SqlitePath);
        Assert.True(Path.IsPathFullyQualified(settings.SqlitePath));
    }

    [Fact]
    public void M8_absolute_sqlite_path_is_kept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "q.db");

        var settings = Read(InSection($"sqlite.path = \"{absolute}\""));

        Assert.Equal(absolute, settings.SqlitePath);
    }

    [Fact]
    public void M8_devices_are_read_in_declaration_order()
    {
        var settings = Read(InSection("""
            devices = [
              { id = "disk-a", nodes = ["n1", "n2"] }
              { id = "disk-b", nodes = ["n2", "n3", "n1"] }
              { id = "disk-c", nodes = [7, 8] }
            ]
            no-device-winner = "n3"
            """));

        Assert.Equal(["disk-a", "disk-b", "disk-c"], settings.Devices.Select(d => d.Id));
        Assert.Equal<string>(["n2", "n3", "n1"], settings.Devices[1].NodeIds);
        Assert.Equal<string>(["7", "8"], settings.Devices[2].NodeIds);
        Assert.Equal("n3", settings.NoDeviceWinner);
    }

    [Fact]
    public void M8_device_shared_by_a_pair_is_the_first_declared_that_holds_both()
    {
        var settings = Read(InSection("""
            devices = [
              { id = "disk-a", nodes = ["n1", "n2"] }
              { id = "disk-b", nodes = ["n2", "n3", "n1"] }
              { id = "disk-c", nodes = ["n3", "n4"] }
            ]
            """));

        Assert.Equal("disk-a", settings.DeviceSharedBy("n2", "n1"));
        Assert.Equal("disk-b", settings.DeviceSharedBy("n1", "n3"));
        Assert.Equal(["disk-a", "disk-b"], settings.DevicesSharedBy("n1", "n2"));
        Assert.Null(settings.DeviceSharedBy("n1", "n4"));
        Assert.Empty(settings.DevicesSharedBy("n1", "n9"));
    }

    [Fact]
    public void M8_postgresql_provider_keeps_its_connection_string()
    {
        var settings = Read(InSection("""
            provider = "postgresql"
            postgresql.connection-string = "Host=db.example;Username=ca;Password=secret"
            """));

        Assert.Equal(QuorumDeviceProvider.PostgreSql, settings.Provider);
        Assert.Equal("Host=db.example;Username=ca;Password=secret", settings.PostgresConnectionString);
    }

    [Fact]
    public void M8_settings_text_does_not_show_the_connection_string()
    {
        var settings = Read(InSection("""
            provider = "postgresql"
            postgresql.connection-string = "Host=db.example;Password=hidden-secret"
            """));

        Assert.DoesNotContain("hidden-secret", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("PostgreSql", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provider = \"mysql\"", "provider")]
    [InlineData("provider = \"\"", "provider")]
    [InlineData("sqlite.path = \"\"", "sqlite.path")]
    [InlineData("provider = \"postgresql\"", "postgresql.connection-string")]
    [InlineData("provider = \"postgresql\", postgresql.connection-string = \"Bogus=1\"", "postgresql.connection-string")]
    [InlineData("provider = \"postgresql\", postgresql.connection-string = \"Username=ca\"", "postgresql.connection-string")]
    [InlineData("no-device-winner = \"\"", "no-device-winner")]
    [InlineData("devices = \"disk-a\"", "devices")]
    [InlineData("devices = null", "devices")]
    [InlineData("devices = [\"disk-a\"]", "devices[0]")]
    [InlineData("devices = [{ nodes = [n1, n2] }]", "devices[0].id")]
    [InlineData("devices = [{ id = \"\", nodes = [n1, n2] }]", "devices[0].id")]
    [InlineData("devices = [{ id = [x], nodes = [n1, n2] }]", "devices[0].id")]
    [InlineData("devices = [{ id = a, nodes = [n1, n2] }, { id = a, nodes = [n1, n3] }]", "devices[1].id")]
    [InlineData("devices = [{ id = a }]", "devices[0].nodes")]
    [InlineData("devices = [{ id = a, nodes = n1 }]", "devices[0].nodes")]
    [InlineData("devices = [{ id = a, nodes = [n1] }]", "devices[0].nodes")]
    [InlineData("devices = [{ id = a, nodes = [] }]", "devices[0].nodes")]
    [InlineData("devices = [{ id = a, nodes = [n1, n2] }, { id = b, nodes = [n1, n1] }]", "devices[1].nodes[1]")]
    [InlineData("devices = [{ id = a, nodes = [n1, \" \"] }]", "devices[0].nodes[1]")]
    [InlineData("devices = [{ id = a, nodes = [n1, {}] }]", "devices[0].nodes[1]")]
    [InlineData("devices = [{ id = a, node = [n1, n2] }]", "devices[0].node")]
    public void M8_invalid_setting_is_refused_naming_its_key(string body, string key)
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read(InSection(body)));

        Assert.Equal($"{Section}.{key}", error.Path);
        Assert.StartsWith($"{Section}.{key}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M8_malformed_connection_string_error_does_not_echo_the_password()
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read(InSection("""
            provider = "postgresql"
            postgresql.connection-string = "Host=db;Password=hidden-secret;Bogus=1"
            """)));

        Assert.DoesNotContain("hidden-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task M8_factory_makes_the_store_of_the_configured_provider()
    {
        var sqlite = Read("");
        var postgres = Read(InSection("""
            provider = "postgresql"
            postgresql.connection-string = "Host=127.0.0.1;Port=5432;Database=devices"
            """));

        // Making a store opens nothing: neither the file nor the server is touched here.
        await using var sqliteStore = Assert.IsType<SqliteQuorumDeviceStore>(QuorumDeviceStores.Create(sqlite));
        await using var postgresStore = Assert.IsType<PostgresQuorumDeviceStore>(QuorumDeviceStores.Create(postgres));

        Assert.Equal(sqlite.SqlitePath, sqliteStore.Path);
        Assert.Equal("PostgreSQL 127.0.0.1:5432/devices", postgresStore.StoreName);
    }
}
