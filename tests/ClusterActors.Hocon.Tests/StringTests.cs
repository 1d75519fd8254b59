using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class StringTests
{
    [Fact]
    public void Quoted_strings_support_json_escapes()
    {
        var config = TestHocon.Resolve("""a = "q\" b\\ s\/ \b\f\n\r\t \u00e9\u0041" """);
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t éA", config.GetString("a"));
    }

    [Theory]
    [InlineData("a = \"\\x\"", "invalid escape")]
    [InlineData("a = \"\\u12\"", "invalid unicode escape")]
    [InlineData("a = \"abc", "unterminated quoted string")]
    [InlineData("a = \"ab\ncd\"", "newline inside a quoted string")]
    public void Bad_quoted_strings_are_errors(string text, string reason)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unquoted_strings_run_to_a_reserved_character_or_comment()
    {
        var config = TestHocon.Resolve("a = hello/world.txt\nb = foo//comment\nc = x#y");
        Assert.Equal("hello/world.txt", config.GetString("a"));
        Assert.Equal("foo", config.GetString("b"));
        Assert.Equal("x", config.GetString("c"));
    }

    [Theory]
    [InlineData('`')]
    [InlineData('^')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData('@')]
    [InlineData('*')]
    [InlineData('&')]
    [InlineData('\\')]
    public void Reserved_characters_are_rejected_in_unquoted_text(char reserved)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse($"a = foo{reserved}bar"));
        Assert.Contains($"reserved character '{reserved}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Column);
    }

    [Fact]
    public void Plus_and_dollar_outside_their_syntax_are_errors()
    {
        Assert.Contains("'+' is not allowed", Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = b+c")).Message, StringComparison.Ordinal);
        Assert.Contains("'$' is only allowed", Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = $b")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triple_quoted_strings_are_raw_and_may_span_lines()
    {
        var config = TestHocon.Resolve("a = \"\"\"line1\n  \"quoted\" \\n not escaped\nline3\"\"\"");
        Assert.Equal("line1\n  \"quoted\" \\n not escaped\nline3", config.GetString("a"));
    }

    [Fact]
    public void Extra_quotes_before_the_closing_triple_quote_belong_to_the_string()
    {
        Assert.Equal("foo\"\"", TestHocon.Resolve("a = \"\"\"foo\"\"\"\"\"").GetString("a"));
        Assert.Equal("", TestHocon.Resolve("a = \"\"\"\"\"\"").GetString("a"));
    }

    [Fact]
    public void Unterminated_triple_quoted_string_is_an_error()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse("a = \"\"\"abc\n"));
        Assert.Contains("unterminated triple-quoted string", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Keywords_true_false_null_are_typed_only_when_alone()
    {
        var config = TestHocon.Resolve("a = true\nb = false\nc = null\nd = trueish\ne = \"true\"");
        Assert.Equal("""{"a":true,"b":false,"c":null,"d":"trueish","e":"true"}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Numbers_keep_their_kind_and_text()
    {
        var config = TestHocon.Resolve("i = 42\nl = 9000000000\nd = 4.20\ne = 1e3\nn = -7\nbig = 123456789012345678901234");
        Assert.Equal("""{"i":42,"l":9000000000,"d":4.2,"e":1000.0,"n":-7,"big":1.2345678901234569E+23}""", config.ToJson(indented: false));
        Assert.Equal(123456789012345678901234d, config.GetDouble("big"));
        Assert.Equal("4.20", config.GetString("d"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
    }

    [Fact]
    public void Text_that_only_looks_numeric_is_a_string()
    {
        var config = TestHocon.Resolve("ip = 127.0.0.1\ndate = 2024-01-31\nversion = 1.2.3-beta");
        Assert.Equal("127.0.0.1", config.GetString("ip"));
        Assert.Equal("2024-01-31", config.GetString("date"));
        Assert.Equal("1.2.3-beta", config.GetString("version"));
    }
}
