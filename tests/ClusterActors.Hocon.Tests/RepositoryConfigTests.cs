using Xunit;

namespace ClusterActors.Hocon.Tests;

/// <summary>The repository's own configuration files (hocon/*.conf) parse, layer and resolve.</summary>
public sealed class RepositoryConfigTests
{
    private static string? FindRepositoryHoconFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hocon", "reference.conf")))
            {
                return Path.Combine(dir.FullName, "hocon");
            }
        }

        return null;
    }

    [Fact]
    public void Reference_and_node_configs_parse_and_resolve_over_the_reference()
    {
        var folder = FindRepositoryHoconFolder();
        Assert.NotNull(folder);
        var reference = HoconConfig.ParseFile(Path.Combine(folder, "reference.conf"));
        foreach (var file in new[] { "reference.conf", "node.conf" }.Select(f => Path.Combine(folder, f)).Where(File.Exists))
        {
            var resolved = HoconConfig.ParseFile(file).WithFallback(reference).Resolve(HoconResolveOptions.WithoutEnvironment);
            Assert.NotEmpty(resolved.Leaves());
            Assert.Equal(reference.Keys, resolved.Keys.Intersect(reference.Keys));
        }
    }
}
