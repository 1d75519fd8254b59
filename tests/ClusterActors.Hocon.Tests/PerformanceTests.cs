using System.Text;
using Xunit;

namespace ClusterActors.Hocon.Tests;

/// <summary>Large inputs must be handled correctly; speed is measured by hand, never asserted.</summary>
public sealed class PerformanceTests
{
    internal static string LargeConfig(int sections)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < sections; i++)
        {
            sb.Append("section").Append(i).Append(" {\n");
            sb.Append("  name = \"service number ").Append(i).Append("\" // comment\n");
            sb.Append("  timeout = 30s\n  retries = ").Append(i % 7).Append('\n');
            sb.Append("  hosts = [\"a.example.org\", \"b.example.org\", c.example.org]\n");
            sb.Append("  nested.deeper.value = ").Append(i).Append(".5\n");
            sb.Append("  ref = ${section").Append(i).Append(".name}\n");
            sb.Append("}\n");
            sb.Append("all.names += ${section").Append(i).Append(".name}\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void A_one_megabyte_config_parses_and_resolves_correctly()
    {
        var text = LargeConfig(5000);
        Assert.True(text.Length > 1_000_000);
        var config = HoconConfig.Parse(text).Resolve(HoconResolveOptions.WithoutEnvironment);
        Assert.Equal("service number 4999", config.GetString("section4999.ref"));
        Assert.Equal(5000, config.GetStringList("all.names").Count);
        Assert.Equal(5000 * 6 + 1, config.Leaves().Count());
    }

    [Fact]
    public void Many_path_keys_under_one_prefix_parse()
    {
        var text = string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"akka.settings.key{i} = {i}"));
        var config = HoconConfig.Parse(text);
        Assert.Equal(49_999, config.GetInt("akka.settings.key49999"));
        Assert.Equal(50_000, config.GetConfig("akka.settings").Keys.Count());
    }
}
