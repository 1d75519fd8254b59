namespace ClusterActors.Hocon.Parsing;

/// <summary>Lexical token kinds of HOCON. Comments are dropped by the tokenizer; whitespace is kept for concatenations.</summary>
internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Unquoted,
    QuotedString,
    Number,
    Boolean,
    Null,
    Substitution,
}
