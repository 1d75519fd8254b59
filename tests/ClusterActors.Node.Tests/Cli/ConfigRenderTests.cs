using System.Text.Json.Nodes;
using ClusterActors.Cli;
using CliExitCodes = ClusterActors.Cli.ExitCodes;

namespace ClusterActors.Node.Tests.Cli;

/// <summary><c>clusterctl config render</c> through its real command tree.</summary>
public sealed class ConfigRenderTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = ClusterCtl.Create(output, errors).Parse(args).Invoke();
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Render_prints_the_resolved_file_as_json_and_exits_0()
    {
        var file = dir.Write("app.conf", "a { b = 1, c = ${a.b} }\nlist = [1, two]\nd = 10s");

        var (exit, output, errors) = Run("config", "render", file);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(1, json["a"]!["c"]!.GetValue<int>());
        Assert.Equal("two", json["list"]![1]!.GetValue<string>());
        Assert.Equal("10s", json["d"]!.GetValue<string>());
    }

    [Fact]
    public void Render_of_a_broken_file_prints_file_line_column_on_stderr_and_exits_2()
    {
        var file = dir.Write("broken.conf", "a = 1\nb = { c = 2\n");

        var (exit, output, errors) = Run("config", "render", file);

        Assert.Equal(CliExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Matches(@"broken\.conf:\d+:\d+: ", errors);
    }

    [Fact]
    public void Render_of_an_unresolvable_substitution_exits_2_naming_it()
    {
        var file = dir.Write("subst.conf", "a = ${does.not.exist}");

        var (exit, _, errors) = Run("config", "render", "--no-env", file);

        Assert.Equal(CliExitCodes.BadInput, exit);
        Assert.Contains("does.not.exist", errors, StringComparison.Ordinal);
        Assert.Contains("subst.conf:1:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_with_reference_layers_the_file_over_reference_conf_and_applies_set()
    {
        var file = dir.Write("node.conf", "clusteractors.management.http.port = 9100");

        var (exit, output, _) = Run("config", "render", "--with-reference", "--no-env", "--set", "clusteractors.actor.throughput = 3", file);

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!["clusteractors"]!;
        Assert.Equal(9100, json["management"]!["http"]!["port"]!.GetValue<int>());
        Assert.Equal("127.0.0.1", json["management"]!["http"]!["hostname"]!.GetValue<string>());
        Assert.Equal(3, json["actor"]!["throughput"]!.GetValue<int>());
    }

    [Fact]
    public void Render_of_a_missing_file_exits_2_naming_it()
    {
        var (exit, _, errors) = Run("config", "render", Path.Combine(dir.Path, "absent.conf"));

        Assert.Equal(CliExitCodes.BadInput, exit);
        Assert.Contains("absent.conf", errors, StringComparison.Ordinal);
    }
}
