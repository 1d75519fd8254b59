using System.Runtime.CompilerServices;
using ClusterActors.Hocon;
using ClusterActors.Persistence.MembershipDatabase;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>Reading <c>clusteractors.membership-database</c> over the repository's reference.conf.</summary>
public sealed class MembershipDatabaseSettingsTests
{
    private const string Section = "clusteractors.membership-database";

    // The block proposed for hocon/reference.conf. It sits below the real reference.conf, so once that
    // file carries the section these tests check the real defaults (and fail if they differ from these).
    private const string ProposedReference = """
        clusteractors.membership-database {
          provider = "sqlite"
          sqlite.path = "membership.db"
          postgresql.connection-string = ""
        }
        """;

    private static readonly HoconConfig Reference = HoconConfig.ParseFile(ReferenceConf())
        .WithFallback(HoconConfig.Parse(ProposedReference));

    private static readonly string DataDirectory = Path.Combine(Path.GetTempPath(), "cluster", "data", "n1");

    private static MembershipDatabaseSettings Read(string hocon, string? dataDirectory = null) =>
        MembershipDatabaseSettings.Read(
            HoconConfig.Parse(hocon).WithFallback(Reference).Resolve(HoconResolveOptions.WithoutEnvironment),
            dataDirectory ?? DataDirectory);

    // Found from this source file rather than the test's output directory, which --artifacts-path puts outside the repository.
    private static string ReferenceConf([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterActors.sln")))
            {
                return Path.Combine(dir.FullName, "hocon", "reference.conf");
            }
        }

        throw new DirectoryNotFoundException($"No ClusterActors.sln above {sourceFile}");
    }

    private static string InSection(string body) => $"{Section} {{ {body} }}";

    [Fact]
    public void T11_defaults_are_a_sqlite_file_in_the_node_data_directory()
    {
        var settings = Read("");

        Assert.Equal(MembershipDatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(Path.Combine(DataDirectory, "membership.db"), settings.SqlitePath);
        Assert.Equal("", settings.PostgresConnectionString);
    }

    [Fact]
    public void T11_relative_sqlite_path_is_resolved_against_a_relative_data_directory()
    {
        var settings = Read(InSection("sqlite.path = \"../shared/membership.db\""), Path.Combine("data", "n2"));

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "shared", "membership.db")), settings.SqlitePath);
        Assert.True(Path.IsPathFullyQualified(settings.SqlitePath));
    }

    [Fact]
    public void T11_absolute_sqlite_path_is_kept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "m.db");

        var settings = Read(InSection($"sqlite.path = \"{absolute}\""));

        Assert.Equal(absolute, settings.SqlitePath);
    }

    [Fact]
    public void T11_postgresql_provider_keeps_its_connection_string()
    {
        var settings = Read(InSection("""
            provider = "PostgreSQL"
            postgresql.connection-string = "Host=db.example;Username=ca;Password=secret"
            """));

        Assert.Equal(MembershipDatabaseProvider.PostgreSql, settings.Provider);
        Assert.Equal("Host=db.example;Username=ca;Password=secret", settings.PostgresConnectionString);
    }

    [Fact]
    public void T11_settings_text_does_not_show_the_connection_string()
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
    [InlineData("sqlite.path = \"  \"", "sqlite.path")]
    [InlineData("provider = \"postgresql\"", "postgresql.connection-string")]
    [InlineData("provider = \"postgresql\", postgresql.connection-string = \"Bogus=1\"", "postgresql.connection-string")]
    [InlineData("provider = \"postgresql\", postgresql.connection-string = \"Username=ca\"", "postgresql.connection-string")]
    public void T11_invalid_setting_is_refused_naming_its_key(string body, string key)
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read(InSection(body)));

        Assert.Equal($"{Section}.{key}", error.Path);
        Assert.StartsWith($"{Section}.{key}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void T11_missing_connection_string_names_the_environment_variable_to_set()
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read(InSection("provider = \"postgresql\"")));

        Assert.Contains("CLUSTERACTORS_MEMBERSHIP_DATABASE_POSTGRESQL_CONNECTION_STRING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void T11_malformed_connection_string_error_does_not_echo_the_password()
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read(InSection("""
            provider = "postgresql"
            postgresql.connection-string = "Host=db;Password=hidden-secret;Bogus=1"
            """)));

        Assert.DoesNotContain("hidden-secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipDatabaseProvider.Sqlite, "", "", "sqlite.path")]
    [InlineData(MembershipDatabaseProvider.Sqlite, "relative/m.db", "", "sqlite.path")]
    [InlineData(MembershipDatabaseProvider.PostgreSql, "", "", "postgresql.connection-string")]
    [InlineData(MembershipDatabaseProvider.PostgreSql, "", "Database=x", "postgresql.connection-string")]
    [InlineData((MembershipDatabaseProvider)7, "", "", "provider")]
    public void T11_settings_built_in_code_are_validated_naming_the_key(MembershipDatabaseProvider provider, string path, string connectionString, string key)
    {
        var settings = new MembershipDatabaseSettings(provider, path, connectionString);

        var validate = Assert.Throws<ConfigurationValueException>(settings.Validate);
        var create = Assert.Throws<ConfigurationValueException>(() => MembershipDatabases.Create(settings));

        Assert.Equal($"{Section}.{key}", validate.Path);
        Assert.Equal(validate.Path, create.Path);
    }

    [Fact]
    public async Task T11_factory_makes_the_database_of_the_configured_provider()
    {
        var sqlite = Read("");
        var postgres = Read(InSection("""
            provider = "postgresql"
            postgresql.connection-string = "Host=127.0.0.1;Port=5432;Database=membership"
            """));

        // Making a database opens nothing: neither the file nor the server is touched here.
        await using var sqliteDatabase = Assert.IsType<SqliteMembershipDatabase>(MembershipDatabases.Create(sqlite));
        await using var postgresDatabase = Assert.IsType<PostgresMembershipDatabase>(MembershipDatabases.Create(postgres));

        Assert.Equal(sqlite.SqlitePath, sqliteDatabase.Path);
        Assert.False(File.Exists(sqlite.SqlitePath));
        Assert.Equal("PostgreSQL 127.0.0.1:5432/membership", postgresDatabase.StoreName);
    }
}
