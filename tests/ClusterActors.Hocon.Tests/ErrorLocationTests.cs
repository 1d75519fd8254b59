using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

/// <summary>Every error names FILE:LINE:COL (1-based) followed by the reason.</summary>
public sealed class ErrorLocationTests
{
    [Theory]
    [InlineData("a = 1\nb = \"open", 2, 5)]
    [InlineData("a = 1\n  b = [1, 2\n", 3, 1)]
    [InlineData("a {\n  b = 1\n  c = ^\n}", 3, 7)]
    [InlineData("a = ${}", 1, 5)]
    [InlineData("a = ${b", 1, 5)]
    [InlineData("a = ${b\n}", 1, 8)]
    [InlineData("a = ${b:c}", 1, 8)]
    [InlineData("x = 1\ny = 2 : z", 2, 7)]
    [InlineData("a = 5+3", 1, 5)]
    [InlineData("a = \"\\q\"", 1, 6)]
    public void Parse_errors_report_line_and_column(string text, int line, int column)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(text, new HoconParseOptions { OriginName = "app.conf" }));
        Assert.Equal("app.conf", error.OriginFile);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"app.conf:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, $"app.conf:{line}:{column}: {error.Reason}");
    }

    [Fact]
    public void String_sources_default_to_the_name_string()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = ["));
        Assert.StartsWith("string:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_errors_use_the_full_file_path()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.conf", "ok = 1\n\n   oops = }\n");
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(file));
        Assert.StartsWith($"{file}:3:11: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_errors_point_at_the_substitution()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a {\n  b = x\n  c = prefix-${a.nope}\n}"));
        Assert.StartsWith("test.conf:3:14: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a.nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_from_included_files_from_file_sources_and_substitutions_in_them_are_located()
    {
        using var dir = new TempDirectory();
        var inc = dir.Write("inc.conf", "\nvalue = ${missing}");
        var main = dir.Write("main.conf", "include \"inc.conf\"");
        var error = Assert.Throws<HoconResolveException>(() => HoconConfig.ParseFile(main).Resolve(HoconResolveOptions.WithoutEnvironment));
        Assert.StartsWith($"{inc}:2:9: ", error.Message, StringComparison.Ordinal);
    }
}
