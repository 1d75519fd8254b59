using ClusterActors.Hocon.Parsing;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class TokenizerTests
{
    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(text, "t.conf");

    [Fact]
    public void Tokens_carry_one_based_lines_and_columns()
    {
        var tokens = Tokens("a = 1\n  b : \"x\"");
        Assert.Equal(
            [
                (TokenKind.Unquoted, 1, 1), (TokenKind.Whitespace, 1, 2), (TokenKind.Equals, 1, 3), (TokenKind.Whitespace, 1, 4),
                (TokenKind.Number, 1, 5), (TokenKind.Newline, 1, 6), (TokenKind.Whitespace, 2, 1), (TokenKind.Unquoted, 2, 3),
                (TokenKind.Whitespace, 2, 4), (TokenKind.Colon, 2, 5), (TokenKind.Whitespace, 2, 6), (TokenKind.QuotedString, 2, 7),
                (TokenKind.End, 2, 10),
            ],
            tokens.Select(t => (t.Kind, t.Line, t.Column)));
    }

    [Fact]
    public void Comments_are_dropped_but_their_newline_stays()
    {
        var tokens = Tokens("a // c1\n# c2\nb");
        Assert.Equal(
            [TokenKind.Unquoted, TokenKind.Whitespace, TokenKind.Newline, TokenKind.Newline, TokenKind.Unquoted, TokenKind.End],
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Triple_quoted_strings_advance_lines()
    {
        var tokens = Tokens("a = \"\"\"x\ny\"\"\" b");
        var b = tokens.Single(t => t.Kind == TokenKind.Unquoted && t.Text == "b");
        Assert.Equal((2, 6), (b.Line, b.Column));
    }

    [Fact]
    public void Substitution_tokens_hold_the_parsed_path_and_optional_flag()
    {
        var token = Tokens("${?a.\"b.c\".d}").First();
        Assert.Equal(TokenKind.Substitution, token.Kind);
        Assert.True(token.IsOptional);
        Assert.Equal(["a", "b.c", "d"], token.SubstitutionPath!.Segments);
        Assert.Equal("${?a.\"b.c\".d}", token.Text);
    }

    [Fact]
    public void Numbers_are_integers_or_doubles_and_keep_text()
    {
        var tokens = Tokens("-12 3.50 1e-2 12abc").Where(t => t.Kind != TokenKind.Whitespace).ToList();
        Assert.True(tokens[0].IsInteger);
        Assert.Equal(-12L, tokens[0].IntegerValue);
        Assert.False(tokens[1].IsInteger);
        Assert.Equal("3.50", tokens[1].Text);
        Assert.Equal(0.01, tokens[2].DoubleValue);
        Assert.Equal((TokenKind.Number, "12"), (tokens[3].Kind, tokens[3].Text));
        Assert.Equal((TokenKind.Unquoted, "abc"), (tokens[4].Kind, tokens[4].Text));
    }

    [Fact]
    public void Unicode_spaces_and_bom_are_whitespace()
    {
        var config = HoconConfig.Parse("a\u00A0=\u2003 1\u3000\nb\uFEFF=\t2");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Substitution_syntax_inside_quotes_is_literal()
    {
        var config = HoconConfig.Parse("a = \"${not.a.substitution}\"\nb = \"\"\"${nor} this\"\"\"");
        Assert.True(config.IsResolved);
        Assert.Equal("${not.a.substitution}", config.GetString("a"));
        Assert.Equal("${nor} this", config.GetString("b"));
    }
}
