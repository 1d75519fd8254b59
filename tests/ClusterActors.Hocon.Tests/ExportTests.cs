using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class ExportTests
{
    [Fact]
    public void To_json_indented_has_stable_shape_and_key_order()
    {
        var config = TestHocon.Resolve("b { y = 2, x = \"é <&>\" }\na = [1, 2.5, true, null]\nc {}");
        var expected = """
            {
              "b": {
                "y": 2,
                "x": "é <&>"
              },
              "a": [
                1,
                2.5,
                true,
                null
              ],
              "c": {}
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), config.ToJson().ReplaceLineEndings("\n"));
        Assert.Equal("""{"b":{"y":2,"x":"é <&>"},"a":[1,2.5,true,null],"c":{}}""", config.ToJson(indented: false));
    }

    [Fact]
    public void To_json_escapes_control_characters_and_quotes()
    {
        Assert.Equal("""{"s":"a\"b\\c\nd\te"}""", TestHocon.Json("s = \"a\\\"b\\\\c\\nd\\te\""));
    }

    [Fact]
    public void To_json_node_keeps_number_kinds()
    {
        var node = TestHocon.Resolve("i = 3\nd = 3.0\nb = false\ns = x\nn = null").ToJsonNode()!.AsObject();
        Assert.Equal(3L, node["i"]!.GetValue<long>());
        Assert.Equal(3.0, node["d"]!.GetValue<double>());
        Assert.False(node["b"]!.GetValue<bool>());
        Assert.Equal("x", node["s"]!.GetValue<string>());
        Assert.True(node.ContainsKey("n"));
        Assert.Null(node["n"]);
    }

    [Fact]
    public void Leaves_list_every_scalar_path_with_arrays_as_json()
    {
        var config = TestHocon.Resolve("a { b { c = 1 }, d = text }\n\"x.y\" = 2\nl = [1, \"two\", { k = v }]\nn = null\ne {}\nf = 1.50");
        var leaves = config.Leaves().ToList();
        Assert.Equal(
            [
                new("a.b.c", "1"),
                new("a.d", "text"),
                new("\"x.y\"", "2"),
                new("l", """[1,"two",{"k":"v"}]"""),
                new("n", null),
                new KeyValuePair<string, string?>("f", "1.50"),
            ],
            leaves);
        foreach (var (path, value) in leaves.Where(l => l.Value is not null && l.Key != "l"))
        {
            Assert.Equal(value, config.GetString(path));
        }
    }

    [Fact]
    public void Export_of_an_unresolved_config_fails_clearly()
    {
        var config = HoconConfig.Parse("a = ${b}\nb = 1");
        Assert.Contains("Resolve()", Assert.Throws<HoconResolveException>(() => config.Leaves()).Message, StringComparison.Ordinal);
        Assert.Contains("Resolve()", Assert.Throws<HoconResolveException>(() => config.ToJsonNode()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void To_json_writes_whole_doubles_so_they_read_back_as_doubles()
    {
        var json = TestHocon.Json("a = 1.0\nb = 1e20\nc = -3.0\nd = 7");
        Assert.Equal("""{"a":1.0,"b":1E+20,"c":-3.0,"d":7}""", json);
        var reparsed = HoconConfig.Parse(json, new HoconParseOptions { Syntax = HoconSyntax.Json });
        Assert.Equal(json, reparsed.ToJson(indented: false));
    }
}
