using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class PathKeyTests
{
    [Fact]
    public void Dotted_keys_build_nested_objects()
    {
        Assert.Equal("""{"a":{"b":{"c":1,"d":2}}}""", TestHocon.Json("a.b.c = 1\na.b.d = 2"));
    }

    [Fact]
    public void Dotted_keys_before_an_object_value()
    {
        Assert.Equal("""{"a":{"b":{"c":1}}}""", TestHocon.Json("a.b { c = 1 }"));
    }

    [Fact]
    public void Quoted_segments_are_not_split()
    {
        var config = TestHocon.Resolve("\"a.b\".c = 1\nx.\"y.z\" = 2\n\"\" = 3\nq.\"\".r = 4");
        Assert.Equal("""{"a.b":{"c":1},"x":{"y.z":2},"":3,"q":{"":{"r":4}}}""", config.ToJson(indented: false));
        Assert.Equal(1, config.GetInt("\"a.b\".c"));
        Assert.Equal(2, config.GetInt("x.\"y.z\""));
    }

    [Fact]
    public void Whitespace_inside_keys_is_kept_and_outer_whitespace_trimmed()
    {
        var config = TestHocon.Resolve("  a b c  = 1\n foo\"bar\".baz = 2");
        Assert.Equal("""{"a b c":1,"foobar":{"baz":2}}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Numeric_and_keyword_keys_use_their_text()
    {
        var config = TestHocon.Resolve("1.5 = x\ntrue.null = y\n10 = z");
        Assert.Equal("""{"1":{"5":"x"},"true":{"null":"y"},"10":"z"}""", config.ToJson(indented: false));
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void Empty_path_elements_are_errors(string text)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(text));
        Assert.Contains("has an empty key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_in_a_key_is_an_error()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse("${a} = 1"));
        Assert.Contains("substitutions are not allowed in keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_api_paths_follow_the_same_rules()
    {
        var config = TestHocon.Resolve("a { \"b.c\" { d = 1 } }");
        Assert.Equal(1, config.GetInt("a.\"b.c\".d"));
        Assert.Throws<HoconParseException>(() => config.GetInt("a..b"));
        Assert.Throws<HoconParseException>(() => config.GetInt(""));
        Assert.Throws<HoconParseException>(() => config.GetInt("a[0]"));
    }
}
