using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>One token with its 1-based position. Numbers keep their source text in <see cref="Text"/>.</summary>
internal sealed class Token
{
    public Token(TokenKind kind, string text, int line, int column)
    {
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
    }

    public TokenKind Kind { get; }

    /// <summary>Unquoted text, the unescaped value of a quoted string, a number's source text, or the raw substitution.</summary>
    public string Text { get; }

    public int Line { get; }

    public int Column { get; }

    public bool IsInteger { get; init; }

    public long IntegerValue { get; init; }

    public double DoubleValue { get; init; }

    public HoconPath? SubstitutionPath { get; init; }

    public bool IsOptional { get; init; }

    /// <summary>Tokens that can be part of a key or a path expression.</summary>
    public bool IsKeyPart => Kind is TokenKind.Unquoted or TokenKind.QuotedString or TokenKind.Number
        or TokenKind.Boolean or TokenKind.Null or TokenKind.Whitespace;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.PlusEquals => "'+='",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.QuotedString => QuotedText.Quote(Text),
        TokenKind.Substitution => "substitution " + Text,
        _ => "'" + Text + "'",
    };
}
