using System.Globalization;
using System.Text;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Splits HOCON text into tokens, tracking line and column. Comments are dropped; whitespace runs are
/// kept as tokens because whitespace between concatenated values is part of the value.
/// </summary>
internal sealed class Tokenizer
{
    private const string NumberCharacters = "0123456789eE+-.";

    private readonly string _text;
    private readonly string _originName;
    private int _position;
    private int _line = 1;
    private int _column = 1;

    private Tokenizer(string text, string originName)
    {
        _text = text;
        _originName = originName;
    }

    public static List<Token> Tokenize(string text, string originName)
    {
        var tokenizer = new Tokenizer(text, originName);
        var tokens = new List<Token>((text.Length / 6) + 4);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            tokenizer._position = 1;
        }

        while (true)
        {
            var token = tokenizer.NextToken(insideSubstitution: false);
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private char PeekChar(int offset)
    {
        var index = _position + offset;
        return index < _text.Length ? _text[index] : '\0';
    }

    private void Advance()
    {
        if (_text[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }

    /// <summary>Advances over characters known not to contain a newline.</summary>
    private void AdvanceSameLine(int count)
    {
        _position += count;
        _column += count;
    }

    private HoconParseException Error(int line, int column, string reason) =>
        new(reason, new HoconOrigin(_originName, line, column));

    private Token NextToken(bool insideSubstitution)
    {
        while (true)
        {
            if (_position >= _text.Length)
            {
                return new Token(TokenKind.End, string.Empty, _line, _column);
            }

            int line = _line, column = _column;
            var c = _text[_position];
            if (c == '\n')
            {
                if (insideSubstitution)
                {
                    throw Error(line, column, "newline inside a substitution; close it with '}'");
                }

                Advance();
                return new Token(TokenKind.Newline, "\n", line, column);
            }

            if (QuotedText.IsWhitespace(c))
            {
                return ReadWhitespace(line, column);
            }

            if (c == '#' || (c == '/' && PeekChar(1) == '/'))
            {
                if (insideSubstitution)
                {
                    throw Error(line, column, "comment inside a substitution; close it with '}'");
                }

                SkipComment();
                continue;
            }

            switch (c)
            {
                case '"':
                    return PeekChar(1) == '"' && PeekChar(2) == '"' ? ReadTripleQuoted(line, column) : ReadQuoted(line, column);
                case '$':
                    if (PeekChar(1) == '{')
                    {
                        return ReadSubstitution(line, column);
                    }

                    throw Error(line, column, "'$' is only allowed in quoted strings or to start a substitution '${path}'");
                case '{': return Punctuation(TokenKind.OpenBrace, "{", line, column);
                case '}': return Punctuation(TokenKind.CloseBrace, "}", line, column);
                case '[': return Punctuation(TokenKind.OpenBracket, "[", line, column);
                case ']': return Punctuation(TokenKind.CloseBracket, "]", line, column);
                case ',': return Punctuation(TokenKind.Comma, ",", line, column);
                case ':': return Punctuation(TokenKind.Colon, ":", line, column);
                case '=': return Punctuation(TokenKind.Equals, "=", line, column);
                case '+':
                    if (PeekChar(1) == '=')
                    {
                        AdvanceSameLine(2);
                        return new Token(TokenKind.PlusEquals, "+=", line, column);
                    }

                    throw Error(line, column, "'+' is not allowed in unquoted text (did you mean '+='?); put the value in quotes");
                default:
                    if (c == '-' || char.IsAsciiDigit(c))
                    {
                        return ReadNumberOrUnquoted(line, column);
                    }

                    if (QuotedText.IsReserved(c))
                    {
                        throw Error(line, column, $"reserved character '{c}' is not allowed in unquoted text; put the value in quotes");
                    }

                    return ReadUnquoted(line, column);
            }
        }
    }

    private Token Punctuation(TokenKind kind, string text, int line, int column)
    {
        AdvanceSameLine(1);
        return new Token(kind, text, line, column);
    }

    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _position);
        AdvanceSameLine((end < 0 ? _text.Length : end) - _position);
    }

    private Token ReadWhitespace(int line, int column)
    {
        var start = _position;
        while (_position < _text.Length && QuotedText.IsWhitespace(_text[_position]))
        {
            _position++;
        }

        _column += _position - start;
        return new Token(TokenKind.Whitespace, _text[start.._position], line, column);
    }

    private bool EndsUnquoted(char c) =>
        c == '\n' || QuotedText.IsWhitespace(c) || QuotedText.IsReserved(c) || (c == '/' && PeekChar(1) == '/');

    private Token ReadUnquoted(int line, int column)
    {
        var start = _position;
        while (_position < _text.Length && !EndsUnquoted(_text[_position]))
        {
            _position++;
        }

        _column += _position - start;
        var text = _text[start.._position];
        return text switch
        {
            "true" => new Token(TokenKind.Boolean, text, line, column),
            "false" => new Token(TokenKind.Boolean, text, line, column),
            "null" => new Token(TokenKind.Null, text, line, column),
            _ => new Token(TokenKind.Unquoted, text, line, column),
        };
    }

    private Token ReadNumberOrUnquoted(int line, int column)
    {
        var start = _position;
        while (_position < _text.Length && NumberCharacters.Contains(_text[_position], StringComparison.Ordinal))
        {
            _position++;
        }

        _column += _position - start;
        var text = _text[start.._position];
        switch (NumberText.Parse(text, out var integer, out var real))
        {
            case NumberText.Outcome.Integer:
                return new Token(TokenKind.Number, text, line, column) { IsInteger = true, IntegerValue = integer, DoubleValue = real };
            case NumberText.Outcome.Double:
                return new Token(TokenKind.Number, text, line, column) { DoubleValue = real };
            case NumberText.Outcome.OutOfRange:
                throw Error(line, column, $"number '{text}' is out of range");
            default:
                // Like lightbend: text such as 1.2.3 or 2024-01-01 is an unquoted string, unless it holds a reserved '+'.
                if (text.Contains('+', StringComparison.Ordinal))
                {
                    throw Error(line, column, $"invalid number '{text}'; put it in quotes if it is meant as a string");
                }

                return new Token(TokenKind.Unquoted, text, line, column);
        }
    }

    private Token ReadQuoted(int line, int column)
    {
        AdvanceSameLine(1);
        var sb = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error(line, column, "unterminated quoted string (missing closing '\"')");
            }

            var runStart = _position;
            while (_position < _text.Length && _text[_position] is not ('"' or '\\' or '\n'))
            {
                _position++;
            }

            sb.Append(_text, runStart, _position - runStart);
            _column += _position - runStart;
            if (_position >= _text.Length)
            {
                continue;
            }

            var c = _text[_position];
            if (c == '"')
            {
                AdvanceSameLine(1);
                return new Token(TokenKind.QuotedString, sb.ToString(), line, column);
            }

            if (c == '\n')
            {
                throw Error(_line, _column, "newline inside a quoted string; use \\n or a triple-quoted \"\"\"string\"\"\"");
            }

            sb.Append(ReadEscape());
        }
    }

    private char ReadEscape()
    {
        int line = _line, column = _column;
        var escaped = PeekChar(1);
        switch (escaped)
        {
            case '"': AdvanceSameLine(2); return '"';
            case '\\': AdvanceSameLine(2); return '\\';
            case '/': AdvanceSameLine(2); return '/';
            case 'b': AdvanceSameLine(2); return '\b';
            case 'f': AdvanceSameLine(2); return '\f';
            case 'n': AdvanceSameLine(2); return '\n';
            case 'r': AdvanceSameLine(2); return '\r';
            case 't': AdvanceSameLine(2); return '\t';
            case 'u':
                if (_position + 6 <= _text.Length
                    && int.TryParse(_text.AsSpan(_position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    AdvanceSameLine(6);
                    return (char)code;
                }

                throw Error(line, column, "invalid unicode escape: \\u must be followed by 4 hex digits");
            default:
                var shown = escaped == '\0' ? "end of input" : "'\\" + escaped + "'";
                throw Error(line, column, $"invalid escape {shown} in quoted string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private Token ReadTripleQuoted(int line, int column)
    {
        AdvanceSameLine(3);
        var start = _position;
        while (_position < _text.Length)
        {
            if (_text[_position] != '"')
            {
                Advance();
                continue;
            }

            var run = 0;
            while (_position + run < _text.Length && _text[_position + run] == '"')
            {
                run++;
            }

            if (run >= 3)
            {
                // Quotes beyond the closing three belong to the string: """a"""" is a" .
                var content = _text[start..(_position + run - 3)];
                AdvanceSameLine(run);
                return new Token(TokenKind.QuotedString, content, line, column);
            }

            AdvanceSameLine(run);
        }

        throw Error(line, column, "unterminated triple-quoted string (missing closing '\"\"\"')");
    }

    private Token ReadSubstitution(int line, int column)
    {
        var start = _position;
        AdvanceSameLine(2);
        var optional = false;
        if (PeekChar(0) == '?')
        {
            optional = true;
            AdvanceSameLine(1);
        }

        var parts = new List<Token>();
        while (true)
        {
            var token = NextToken(insideSubstitution: true);
            if (token.Kind == TokenKind.End)
            {
                throw Error(line, column, "unterminated substitution (missing '}')");
            }

            if (token.Kind == TokenKind.CloseBrace)
            {
                break;
            }

            if (!token.IsKeyPart)
            {
                throw Error(token.Line, token.Column, $"{token.Describe()} is not allowed inside a substitution; quote keys that contain it");
            }

            parts.Add(token);
        }

        var raw = _text[start.._position];
        if (parts.TrueForAll(p => p.Kind == TokenKind.Whitespace))
        {
            throw Error(line, column, $"empty substitution '{raw}'");
        }

        var path = PathExpressionParser.Parse(parts, _originName);
        return new Token(TokenKind.Substitution, raw, line, column) { SubstitutionPath = path, IsOptional = optional };
    }
}
