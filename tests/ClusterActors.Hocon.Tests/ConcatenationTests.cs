using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class ConcatenationTests
{
    [Fact]
    public void Simple_values_concatenate_into_a_string_keeping_inner_whitespace()
    {
        var config = TestHocon.Resolve("a =   null bar  42 \"baz\" true 3.14 hi   ");
        Assert.Equal("null bar  42 baz true 3.14 hi", config.GetString("a"));
    }

    [Fact]
    public void Quoted_and_unquoted_pieces_join_without_whitespace_when_adjacent()
    {
        var config = TestHocon.Resolve("a = foo\"bar\"baz\nb = \" x \"y");
        Assert.Equal("foobarbaz", config.GetString("a"));
        Assert.Equal(" x y", config.GetString("b"));
    }

    [Fact]
    public void A_single_value_with_surrounding_whitespace_keeps_its_type()
    {
        var config = TestHocon.Resolve("a =    42   \nb = true  ");
        Assert.Equal("""{"a":42,"b":true}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Substitutions_concatenate_with_strings_and_whitespace()
    {
        var config = TestHocon.Resolve("x = foo\ny = 42\na = ${x} and ${y}.\nb = ${x}${y}\nc = \"[\"${x}\"]\"");
        Assert.Equal("foo and 42.", config.GetString("a"));
        Assert.Equal("foo42", config.GetString("b"));
        Assert.Equal("[foo]", config.GetString("c"));
    }

    [Fact]
    public void Objects_concatenate_by_merging()
    {
        var config = TestHocon.Resolve("a = { x = 1, y = { p = 1 } } { y = { q = 2 }, z = 3 }");
        Assert.Equal("""{"a":{"x":1,"y":{"p":1,"q":2},"z":3}}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Arrays_concatenate_by_appending()
    {
        var config = TestHocon.Resolve("base = [1, 2]\na = [0] ${base} [3]\nb = [a] [b]");
        Assert.Equal("""{"base":[1,2],"a":[0,1,2,3],"b":["a","b"]}""", config.ToJson(indented: false));
    }

    [Fact]
    public void A_substitution_of_an_object_merges_with_a_literal_object()
    {
        var config = TestHocon.Resolve("defaults { timeout = 1s, retries = 3 }\nservice = ${defaults} { retries = 5 }");
        Assert.Equal("""{"timeout":"1s","retries":5}""", config.GetConfig("service").ToJson(indented: false));
    }

    [Fact]
    public void Mixing_strings_with_objects_or_lists_is_an_error()
    {
        Assert.Contains("cannot concatenate an object with a string", Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = { x = 1 } foo")).Message, StringComparison.Ordinal);
        Assert.Contains("cannot concatenate a list with an object", Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = [1] { x = 1 }")).Message, StringComparison.Ordinal);
        var resolveError = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("s = text\na = { x = 1 } ${s}"));
        Assert.Contains("cannot concatenate an object with a string", resolveError.Message, StringComparison.Ordinal);
        Assert.Equal(2, resolveError.Line);
    }

    [Fact]
    public void Literal_text_next_to_a_literal_object_fails_at_parse_time_even_with_substitutions()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = ${x} { y = 1 } text"));
        Assert.Contains("cannot concatenate an object with a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenation_inside_arrays_makes_one_element()
    {
        var config = TestHocon.Resolve("x = b\na = [a ${x} c, d]");
        Assert.Equal(["a b c", "d"], config.GetStringList("a"));
    }

    [Fact]
    public void Durations_written_with_a_unit_are_concatenated_number_and_text()
    {
        var config = TestHocon.Resolve("a = 10s\nb = 10 s\nc = 1.5h");
        Assert.Equal("10s", config.GetString("a"));
        Assert.Equal("10 s", config.GetString("b"));
        Assert.Equal(TimeSpan.FromMinutes(90), config.GetDuration("c"));
    }

    [Fact]
    public void Mismatch_names_the_first_string_and_the_first_list_in_order()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("s = text\nl = [1]\na = ${s} 42 ${l}"));
        Assert.Contains("cannot concatenate a string with a list", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Equal(13, error.Column);
    }
}
