using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class PropertiesAndJsonTests
{
    private static HoconConfig Properties(string text) =>
        HoconConfig.Parse(text, new HoconParseOptions { Syntax = HoconSyntax.Properties, OriginName = "app.properties" });

    private static HoconConfig Json(string text) =>
        HoconConfig.Parse(text, new HoconParseOptions { Syntax = HoconSyntax.Json, OriginName = "app.json" });

    [Fact]
    public void Properties_keys_become_paths_and_values_are_strings()
    {
        var config = Properties("a.b.c=1\na.b.d = two\nflag=true");
        Assert.Equal("""{"a":{"b":{"c":"1","d":"two"}},"flag":"true"}""", config.ToJson(indented: false));
        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.True(config.GetBoolean("flag"));
    }

    [Fact]
    public void Properties_separators_comments_continuations_and_escapes()
    {
        var config = Properties("""
            # comment
            ! also a comment
              colon:value
            space value with spaces
            equals = x = y
            multi = one \
                    two
            esc = tab\there\u0041 \\ end
            key\=with\:seps = 1
            empty=
            """);
        Assert.Equal("value", config.GetString("colon"));
        Assert.Equal("value with spaces", config.GetString("space"));
        Assert.Equal("x = y", config.GetString("equals"));
        Assert.Equal("one two", config.GetString("multi"));
        Assert.Equal("tab\thereA \\ end", config.GetString("esc"));
        Assert.Equal("1", config.GetString("\"key=with:seps\""));
        Assert.Equal("", config.GetString("empty"));
    }

    [Fact]
    public void Properties_object_wins_over_a_value_at_the_same_path()
    {
        Assert.Equal("""{"a":{"b":"2"}}""", Properties("a=1\na.b=2").ToJson(indented: false));
        Assert.Equal("""{"a":{"b":"2"}}""", Properties("a.b=2\na=1").ToJson(indented: false));
    }

    [Fact]
    public void Properties_numbered_keys_read_as_a_list()
    {
        Assert.Equal(["x", "y", "z"], Properties("l.1=y\nl.0=x\nl.10=z").GetStringList("l"));
    }

    [Fact]
    public void Properties_bad_unicode_escape_names_the_line()
    {
        var error = Assert.Throws<HoconParseException>(() => Properties("ok=1\nbad=\\u00zz"));
        Assert.StartsWith("app.properties:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_numbers_keep_integer_and_double_kinds()
    {
        var config = Json("""{ "i": 1, "d": 1.0, "e": 1e2, "n": -0.5, "big": 99999999999 }""");
        Assert.Equal("""{"i":1,"d":1.0,"e":100.0,"n":-0.5,"big":99999999999}""", config.ToJson(indented: false));
        Assert.Equal("1.0", config.GetString("d"));
        Assert.Equal(1L, config.ToJsonNode()!["i"]!.GetValue<long>());
        Assert.Equal(1.0, config.ToJsonNode()!["d"]!.GetValue<double>());
    }

    [Fact]
    public void Json_duplicate_keys_merge_like_hocon()
    {
        Assert.Equal("""{"a":{"x":1,"y":2},"b":3}""", Json("""{ "a": {"x": 1}, "b": 1, "a": {"y": 2}, "b": 3 }""").ToJson(indented: false));
    }

    [Theory]
    [InlineData("{ \"a\": 1, }", 11)]
    [InlineData("{ a: 1 }", 3)]
    [InlineData("{ \"a\": 1 // c\n }", 10)]
    [InlineData("{ \"a\": unquoted }", 8)]
    [InlineData("{ \"a\": 'x' }", 8)]
    [InlineData("{ \"a\": 01 }", 9)]
    [InlineData("{ \"a\": ${b} }", 8)]
    [InlineData("[1]", 1)]
    [InlineData("{ \"a\": 1 } x", 12)]
    public void Json_is_strict(string text, int column)
    {
        var error = Assert.Throws<HoconParseException>(() => Json(text));
        Assert.Equal("app.json", error.OriginFile);
        Assert.Equal(1, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Json_error_lines_count_newlines()
    {
        var error = Assert.Throws<HoconParseException>(() => Json("{\n  \"a\": 1,\n  \"b\": tru\n}"));
        Assert.StartsWith("app.json:3:8: ", error.Message, StringComparison.Ordinal);
    }
}
