using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class SelfReferenceTests
{
    [Fact]
    public void String_self_reference_extends_the_earlier_value()
    {
        var config = TestHocon.Resolve("path = \"/bin\"\npath = ${path}\":/usr/bin\"\npath = ${path}\":/opt/bin\"");
        Assert.Equal("/bin:/usr/bin:/opt/bin", config.GetString("path"));
    }

    [Fact]
    public void Object_self_reference_merges_with_the_earlier_value()
    {
        var config = TestHocon.Resolve("a { x = 1 }\na = ${a} { b = 1 }");
        Assert.Equal("""{"a":{"x":1,"b":1}}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Self_reference_sees_the_earlier_value_even_when_later_ones_exist()
    {
        var config = TestHocon.Resolve("foo = 1\nbar = ${foo}\nfoo = ${foo}2\nfoo = ${foo}3");
        Assert.Equal("123", config.GetString("foo"));
        Assert.Equal("123", config.GetString("bar"));
    }

    [Fact]
    public void Self_reference_inside_a_nested_object_field()
    {
        var config = TestHocon.Resolve("a { list = [1] }\na { list = ${a.list} [2] }\na.list += 3");
        Assert.Equal([1, 2, 3], config.GetStringList("a.list").Select(int.Parse));
    }

    [Fact]
    public void Self_reference_to_a_field_inherited_through_a_substitution()
    {
        var config = TestHocon.Resolve("base { x = \"1\" }\na = ${base}\na { x = ${a.x}\"2\", y = ${a.x} }");
        Assert.Equal("12", config.GetString("a.x"));
        Assert.Equal("12", config.GetString("a.y"));
    }

    [Fact]
    public void Self_reference_without_an_earlier_value_is_an_error()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a = ${a}"));
        Assert.Contains("defined in terms of itself", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:1:5: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_self_reference_without_an_earlier_value_removes_the_field()
    {
        Assert.Equal("{}", TestHocon.Json("a = ${?a}"));
        Assert.Equal("""{"a":"x"}""", TestHocon.Json("a = ${?a}x"));
    }

    [Fact]
    public void Indirect_self_reference_through_another_field_sees_the_earlier_value()
    {
        var config = TestHocon.Resolve("a = 1\nb = ${a}\na = ${b}");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(1, config.GetInt("b"));
    }

    [Fact]
    public void Cycle_broken_by_an_earlier_value()
    {
        var config = TestHocon.Resolve("bar = 10\nfoo = ${bar}\nbar = ${foo}");
        Assert.Equal(10, config.GetInt("foo"));
        Assert.Equal(10, config.GetInt("bar"));
    }

    [Fact]
    public void Self_reference_falls_back_to_the_environment_when_the_config_has_no_earlier_value()
    {
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin" };
        Assert.Equal("/usr/bin:/x", TestHocon.Resolve("PATH = ${PATH}\":/x\"", environment).GetString("PATH"));
    }

    [Fact]
    public void Self_reference_prefers_the_earlier_config_value_over_the_environment()
    {
        var environment = new Dictionary<string, string> { ["path"] = "/env" };
        Assert.Equal("/conf:/x", TestHocon.Resolve("path = /conf\npath = ${path}\":/x\"", environment).GetString("path"));
    }

    [Fact]
    public void Later_plain_value_hides_an_unresolvable_earlier_one()
    {
        Assert.Equal("""{"a":5}""", TestHocon.Json("a = ${missing}\na = 5"));
        Assert.Equal("""{"b":5,"a":5}""", TestHocon.Json("b = 5\na = ${missing}\na = ${b}"));
    }
}
