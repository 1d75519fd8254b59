using ClusterActors.Hocon.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class ConfigurationAdapterTests
{
    private sealed class RemotingOptions
    {
        public string Hostname { get; set; } = "";

        public int Port { get; set; }

        public bool Secure { get; set; }

        public double Factor { get; set; }

        public TimeSpan ConnectTimeout { get; set; }

        public List<string> Seeds { get; set; } = [];

        public PoolOptions Pool { get; set; } = new();
    }

    private sealed class PoolOptions
    {
        public int Size { get; set; }

        public string? Name { get; set; }
    }

    private static IConfigurationRoot Build(string hocon, HoconConfigurationOptions? options = null) =>
        new ConfigurationBuilder().AddHocon(HoconConfig.Parse(hocon), options ?? new HoconConfigurationOptions { ResolveOptions = HoconResolveOptions.WithoutEnvironment }).Build();

    [Fact]
    public void Paths_map_to_colon_keys_arrays_to_indexes_and_null_to_null()
    {
        var configuration = Build("a.b.c = 1\nlist = [x, { k = v }, [1, 2]]\nn = null\nempty = []\neo {}");
        Assert.Equal("1", configuration["a:b:c"]);
        Assert.Equal("x", configuration["list:0"]);
        Assert.Equal("v", configuration["list:1:k"]);
        Assert.Equal("2", configuration["list:2:1"]);
        Assert.Null(configuration["n"]);
        Assert.Contains(configuration.AsEnumerable(), kv => kv.Key == "n");
        Assert.Null(configuration["empty"]);
        Assert.Contains(configuration.AsEnumerable(), kv => kv.Key == "empty");
        Assert.Contains(configuration.AsEnumerable(), kv => kv.Key == "eo");
    }

    [Fact]
    public void Binds_a_typed_options_class_with_durations_rendered_as_timespans()
    {
        var configuration = Build(
            """
            remote {
              hostname = "10.0.0.1"
              port = 2552
              secure = true
              factor = 1.5
              connectTimeout = 15s
              seeds = [ "a:1", "b:2" ]
              pool { size = 4, name = ${?POOL_NAME} }
            }
            """,
            new HoconConfigurationOptions { RenderDurationsAsTimeSpan = true, ResolveOptions = HoconResolveOptions.WithoutEnvironment });
        var bound = configuration.GetSection("remote").Get<RemotingOptions>()!;
        Assert.Equal("10.0.0.1", bound.Hostname);
        Assert.Equal(2552, bound.Port);
        Assert.True(bound.Secure);
        Assert.Equal(1.5, bound.Factor);
        Assert.Equal(TimeSpan.FromSeconds(15), bound.ConnectTimeout);
        Assert.Equal(["a:1", "b:2"], bound.Seeds);
        Assert.Equal(4, bound.Pool.Size);
        Assert.Null(bound.Pool.Name);
    }

    [Fact]
    public void Duration_rendering_is_off_by_default_and_leaves_plain_strings_alone()
    {
        var plain = Build("t = 15s\nname = hello\nn = 500");
        Assert.Equal("15s", plain["t"]);
        var converted = Build("t = 15s\nname = hello\nn = 500\nm = 1.5 hours", new HoconConfigurationOptions { RenderDurationsAsTimeSpan = true });
        Assert.Equal("00:00:15", converted["t"]);
        Assert.Equal("01:30:00", converted["m"]);
        Assert.Equal("hello", converted["name"]);
        Assert.Equal("500", converted["n"]);
    }

    [Fact]
    public void Duration_path_filter_limits_conversion_and_treats_numbers_as_milliseconds()
    {
        var options = new HoconConfigurationOptions
        {
            RenderDurationsAsTimeSpan = true,
            DurationPathFilter = path => path.EndsWith("timeout", StringComparison.Ordinal),
        };
        var configuration = Build("ask-timeout = 500\nidle-timeout = 2m\nunit = 5m", options);
        Assert.Equal("00:00:00.5000000", configuration["ask-timeout"]);
        Assert.Equal("00:02:00", configuration["idle-timeout"]);
        Assert.Equal("5m", configuration["unit"]);
    }

    [Fact]
    public void Unresolved_configs_are_resolved_when_loaded()
    {
        var configuration = Build("host = h\nurl = \"http://\"${host}");
        Assert.Equal("http://h", configuration["url"]);
    }

    [Fact]
    public void Keys_differing_only_in_case_are_an_error()
    {
        var error = Assert.Throws<HoconException>(() => Build("Port = 1\nport = 2"));
        Assert.Contains("same case-insensitive configuration key", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("string:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_hocon_file_reads_resolves_and_honours_optional()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "shared = from-include");
        var file = dir.Write("app.conf", "include \"inc.conf\"\nservice { name = ${shared} }");
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(file, options: new HoconConfigurationOptions { ResolveOptions = HoconResolveOptions.WithoutEnvironment })
            .AddHoconFile(dir.PathOf("missing.conf"), optional: true)
            .Build();
        Assert.Equal("from-include", configuration["service:name"]);
        Assert.Throws<HoconParseException>(() => new ConfigurationBuilder().AddHoconFile(dir.PathOf("missing.conf")).Build());
    }

    [Fact]
    public void Relative_file_paths_use_the_base_directory_option()
    {
        using var dir = new TempDirectory();
        dir.Write("rel.conf", "a = 1");
        var configuration = new ConfigurationBuilder()
            .AddHoconFile("rel.conf", options: new HoconConfigurationOptions { BaseDirectory = dir.Path })
            .Build();
        Assert.Equal("1", configuration["a"]);
    }
}
