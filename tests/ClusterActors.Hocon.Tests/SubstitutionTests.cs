using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_copies_a_value_of_any_type()
    {
        var config = TestHocon.Resolve("n = 42\no { x = 1 }\nl = [1, 2]\nb = true\nz = null\ncn = ${n}\nco = ${o}\ncl = ${l}\ncb = ${b}\ncz = ${z}");
        Assert.Equal("""{"n":42,"o":{"x":1},"l":[1,2],"b":true,"z":null,"cn":42,"co":{"x":1},"cl":[1,2],"cb":true,"cz":null}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Forward_references_see_the_final_value()
    {
        var config = TestHocon.Resolve("a = ${b}\nb = 1\nb = 2");
        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Substitution_chains_resolve()
    {
        var config = TestHocon.Resolve("a = ${b}\nb = ${c.d}\nc { d = ${e} }\ne = end");
        Assert.Equal("end", config.GetString("a"));
        Assert.Equal("end", config.GetString("c.d"));
    }

    [Fact]
    public void Substitution_paths_can_be_quoted_and_padded()
    {
        var config = TestHocon.Resolve("\"a.b\" { c = 1 }\nx = ${\"a.b\".c}\ny = ${ \"a.b\".c }");
        Assert.Equal(1, config.GetInt("x"));
        Assert.Equal(1, config.GetInt("y"));
    }

    [Fact]
    public void Substitution_into_an_object_sees_its_resolved_fields()
    {
        var config = TestHocon.Resolve("base { url = \"http://\"${host} }\nhost = example.org\ncopy = ${base}");
        Assert.Equal("http://example.org", config.GetString("copy.url"));
    }

    [Fact]
    public void Reference_to_a_sibling_inside_the_same_object_works()
    {
        var config = TestHocon.Resolve("a { x = 1, y = ${a.x} }");
        Assert.Equal(1, config.GetInt("a.y"));
    }

    [Fact]
    public void Missing_required_substitution_is_an_error_with_location()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a = 1\nb = foo ${missing.path}"));
        Assert.StartsWith("test.conf:2:9: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("${missing.path}", error.Message, StringComparison.Ordinal);
        Assert.Contains("environment variables are not consulted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_missing_substitution_removes_the_field()
    {
        var config = TestHocon.Resolve("a = ${?missing}\nb = 1");
        Assert.False(config.HasPath("a"));
        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void Optional_missing_substitution_keeps_an_earlier_value()
    {
        Assert.Equal("""{"a":1}""", TestHocon.Json("a = 1\na = ${?missing}"));
        Assert.Equal("""{"a":{"x":1}}""", TestHocon.Json("a { x = 1 }\na = ${?missing}"));
    }

    [Fact]
    public void Optional_missing_substitution_in_string_concatenation_is_empty()
    {
        Assert.Equal("""{"a":"foobar","b":" x"}""", TestHocon.Json("a = foo${?missing}bar\nb = ${?missing} x"));
    }

    [Fact]
    public void Optional_missing_substitution_in_object_or_list_concatenation_is_empty()
    {
        Assert.Equal("""{"a":{"x":1},"b":[1]}""", TestHocon.Json("a = ${?missing} { x = 1 }\nb = ${?missing} [1]"));
    }

    [Fact]
    public void All_optional_pieces_missing_removes_the_field()
    {
        Assert.Equal("{}", TestHocon.Json("a = ${?x}${?y}"));
    }

    [Fact]
    public void Optional_found_null_is_kept_as_null()
    {
        var config = TestHocon.Resolve("n = null\na = ${?n}");
        Assert.True(config.HasPathOrNull("a"));
        Assert.False(config.HasPath("a"));
    }

    [Fact]
    public void Cycles_are_errors_that_name_the_chain()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a = ${b}\nb = ${c}\nc = ${a}"));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("a -> b -> c -> a", error.Message, StringComparison.Ordinal);
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Equal("test.conf", error.OriginFile);
    }

    [Fact]
    public void Object_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a { b = ${a} }"));
        Assert.StartsWith("test.conf:1:9: substitution cycle: a -> a.b -> a", error.Message, StringComparison.Ordinal);
        var listError = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a = [${a}]"));
        Assert.Contains("cycle", listError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_does_not_resolve_and_reading_unresolved_values_fails()
    {
        var config = HoconConfig.Parse("a = ${b}\nb = 1\nc = 2");
        Assert.False(config.IsResolved);
        Assert.Equal(2, config.GetInt("c"));
        var error = Assert.Throws<HoconResolveException>(() => config.GetInt("a"));
        Assert.Contains("call Resolve()", error.Message, StringComparison.Ordinal);
        Assert.Throws<HoconResolveException>(() => config.ToJson());
        Assert.True(config.Resolve().IsResolved);
    }

    [Fact]
    public void Allow_unresolved_leaves_missing_substitutions_in_place()
    {
        var config = HoconConfig.Parse("a = ${missing}\nb = ${c}\nc = 1")
            .Resolve(new HoconResolveOptions { UseEnvironment = false, AllowUnresolved = true });
        Assert.False(config.IsResolved);
        Assert.Equal(1, config.GetInt("b"));
        Assert.Throws<HoconResolveException>(() => config.GetString("a"));
    }

    [Fact]
    public void Resolving_a_sub_config_resolves_relative_to_its_own_root()
    {
        var config = HoconConfig.Parse("outer { x = 1, y = ${x} }").GetConfig("outer");
        Assert.Equal(1, config.Resolve(HoconResolveOptions.WithoutEnvironment).GetInt("y"));
    }

    [Fact]
    public void Long_substitution_chains_resolve_without_stack_overflow()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k300 = done");
        Assert.Equal("done", TestHocon.Resolve(string.Join('\n', lines)).GetString("k0"));
    }

    [Fact]
    public void Excessively_long_chains_are_an_error_not_a_crash()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k2000 = done");
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve(string.Join('\n', lines)));
        Assert.Contains("nest more than", error.Message, StringComparison.Ordinal);
    }
}
