using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class EnvironmentTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["HOME"] = "/home/me",
        ["PORT"] = "8080",
        ["app.name"] = "dotted",
    };

    [Fact]
    public void Missing_paths_fall_back_to_environment_variables()
    {
        var config = TestHocon.Resolve("home = ${HOME}\nurl = \"http://h:\"${PORT}\nport = ${PORT}", Environment);
        Assert.Equal("/home/me", config.GetString("home"));
        Assert.Equal("http://h:8080", config.GetString("url"));
        Assert.Equal(8080, config.GetInt("port"));
    }

    [Fact]
    public void Config_values_win_over_the_environment()
    {
        Assert.Equal("/conf", TestHocon.Resolve("HOME = /conf\nhome = ${HOME}", Environment).GetString("home"));
    }

    [Fact]
    public void Config_null_is_found_and_does_not_read_the_environment()
    {
        Assert.False(TestHocon.Resolve("HOME = null\nhome = ${HOME}", Environment).HasPath("home"));
    }

    [Fact]
    public void Dotted_paths_use_the_dotted_variable_name()
    {
        Assert.Equal("dotted", TestHocon.Resolve("n = ${app.name}", Environment).GetString("n"));
    }

    [Fact]
    public void Optional_substitution_reads_the_environment_too()
    {
        var config = TestHocon.Resolve("home = /default\nhome = ${?HOME}\nother = x\nother = ${?NOT_SET}", Environment);
        Assert.Equal("/home/me", config.GetString("home"));
        Assert.Equal("x", config.GetString("other"));
    }

    [Fact]
    public void Disabling_the_environment_makes_missing_paths_errors()
    {
        var parsed = HoconConfig.Parse("home = ${HOME}");
        var error = Assert.Throws<HoconResolveException>(() => parsed.Resolve(new HoconResolveOptions { UseEnvironment = false, EnvironmentLookup = _ => "x" }));
        Assert.Contains("environment variables are not consulted", error.Message, StringComparison.Ordinal);
        Assert.Throws<HoconResolveException>(() => parsed.Resolve(new HoconResolveOptions { EnvironmentLookup = null }));
    }

    [Fact]
    public void Error_names_the_missing_environment_variable_when_lookup_is_on()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a = ${NOPE_NOT_SET}", Environment));
        Assert.Contains("no environment variable 'NOPE_NOT_SET'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_is_called_only_for_paths_missing_from_the_config()
    {
        var asked = new List<string>();
        HoconConfig.Parse("a = 1\nb = ${a}\nc = ${?X}").Resolve(new HoconResolveOptions
        {
            EnvironmentLookup = name =>
            {
                asked.Add(name);
                return null;
            },
        });
        Assert.Equal(["X"], asked);
    }

    [Fact]
    public void Default_options_read_the_process_environment()
    {
        var name = "HOCON_TEST_" + Guid.NewGuid().ToString("N");
        System.Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            Assert.Equal("from-process", HoconConfig.Parse($"a = ${{{name}}}").Resolve().GetString("a"));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(name, null);
        }
    }
}
