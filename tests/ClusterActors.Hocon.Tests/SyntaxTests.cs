using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class SyntaxTests
{
    [Fact]
    public void Comments_with_double_slash_and_hash_are_ignored_to_end_of_line()
    {
        var config = TestHocon.Resolve("""
            // leading comment
            a = 1 // trailing
            # hash comment
            b = 2 # trailing hash
            c = "not // a comment # either"
            """);
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal("not // a comment # either", config.GetString("c"));
        Assert.Equal(["a", "b", "c"], config.Keys);
    }

    [Fact]
    public void Root_braces_may_be_omitted_or_present()
    {
        Assert.Equal(TestHocon.Json("{ a : 1, b : { c : 2 } }"), TestHocon.Json("a : 1, b : { c : 2 }"));
        Assert.Equal("{}", TestHocon.Json(""));
        Assert.Equal("{}", TestHocon.Json("  // only a comment\n"));
        Assert.Equal("{}", TestHocon.Json("{}"));
    }

    [Theory]
    [InlineData("a = { b = 1 }")]
    [InlineData("a : { b : 1 }")]
    [InlineData("a { b = 1 }")]
    [InlineData("a\n{\n b = 1 }")]
    [InlineData("\"a\" : {\"b\" : 1}")]
    public void Separators_equals_colon_or_none_before_an_object(string text) =>
        Assert.Equal("""{"a":{"b":1}}""", TestHocon.Json(text));

    [Fact]
    public void A_key_without_separator_needs_an_object_value()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a 1"));
        Assert.Contains("must be followed by ':', '=', '+=' or '{'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Newlines_act_as_commas_and_trailing_commas_are_allowed()
    {
        Assert.Equal("""{"a":1,"b":2,"c":[1,2,3]}""", TestHocon.Json("a = 1\nb = 2,\nc = [\n1\n2,\n3,\n],"));
        Assert.Equal("""{"a":1,"b":2}""", TestHocon.Json("{ a = 1, b = 2, }"));
    }

    [Theory]
    [InlineData("a = 1,, b = 2", "unexpected ','")]
    [InlineData(", a = 1", "unexpected ','")]
    [InlineData("a = [1,,2]", "unexpected ','")]
    [InlineData("a = [,]", "unexpected ','")]
    [InlineData("a = 1 b = 2", "expected ',' or a newline between fields")]
    public void Misplaced_commas_and_missing_separators_are_errors(string text, string reason)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Separator_and_value_may_be_on_following_lines()
    {
        var config = TestHocon.Resolve("a\n  :\n  1\nb =\n 2");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Theory]
    [InlineData("a = {", "unterminated object")]
    [InlineData("a = [1, 2", "unterminated list")]
    [InlineData("a = 1 }", "unexpected '}'")]
    [InlineData("{ a = 1 } b = 2", "after the closing '}' of the root object")]
    [InlineData("[1, 2]", "root of a configuration must be an object")]
    [InlineData("= 1", "expected a key")]
    [InlineData("a = ", "expected a value for key 'a'")]
    public void Structural_errors_are_reported(string text, string reason)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_rejected_with_an_error_instead_of_overflowing_the_stack()
    {
        var text = "a = " + new string('[', 5000) + new string(']', 5000);
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(text));
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_ignored()
    {
        Assert.Equal(1, TestHocon.Resolve("\uFEFFa = 1").GetInt("a"));
    }

    [Fact]
    public void Crlf_line_endings_work()
    {
        var config = TestHocon.Resolve("a = 1\r\nb = x\r\n");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("x", config.GetString("b"));
    }
}
