using System.Text;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Builds a path from the tokens of a key or substitution: unquoted text (and number/boolean/null
/// text) splits on '.', quoted strings never split, inner whitespace is kept, outer whitespace trimmed.
/// </summary>
internal static class PathExpressionParser
{
    public static HoconPath Parse(IReadOnlyList<Token> tokens, string originName)
    {
        int first = 0, last = tokens.Count - 1;
        while (first <= last && tokens[first].Kind == TokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && tokens[last].Kind == TokenKind.Whitespace)
        {
            last--;
        }

        if (first > last)
        {
            var at = tokens.Count > 0 ? tokens[0] : new Token(TokenKind.End, string.Empty, 1, 1);
            throw new HoconParseException("empty path expression", new HoconOrigin(originName, at.Line, at.Column));
        }

        if (first == last && tokens[first].Kind != TokenKind.Whitespace)
        {
            // The common case, a key like akka.actor.provider: one token, no whitespace or quoting to join.
            var token = tokens[first];
            if (token.Kind == TokenKind.QuotedString)
            {
                return HoconPath.FromOwned([token.Text]);
            }

            if (!token.Text.Contains('.', StringComparison.Ordinal))
            {
                return HoconPath.FromOwned([token.Text]);
            }

            var parts = token.Text.Split('.');
            if (Array.IndexOf(parts, string.Empty) < 0)
            {
                return HoconPath.FromOwned(parts);
            }
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var started = false;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.QuotedString:
                case TokenKind.Whitespace:
                    current.Append(token.Text);
                    started = true;
                    break;
                default:
                    var parts = token.Text.Split('.');
                    for (var p = 0; p < parts.Length; p++)
                    {
                        if (p > 0)
                        {
                            FinishSegment(token);
                        }

                        current.Append(parts[p]);
                        started |= parts[p].Length > 0;
                    }

                    break;
            }
        }

        FinishSegment(tokens[last]);
        return HoconPath.FromOwned([.. segments]);

        void FinishSegment(Token at)
        {
            if (!started)
            {
                throw new HoconParseException(
                    $"path '{RawText(tokens, first, last)}' has an empty key (a leading, trailing or doubled '.'); quote it (\"\") if an empty key is meant",
                    new HoconOrigin(originName, at.Line, at.Column));
            }

            segments.Add(current.ToString());
            current.Clear();
            started = false;
        }
    }

    /// <summary>Parses a path given to the read API, e.g. <c>akka.actor."my.key"</c>.</summary>
    public static HoconPath ParseApiPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var origin = "path expression " + QuotedText.Quote(path);
        if (IsSimple(path))
        {
            var parts = path.Split('.');
            if (Array.IndexOf(parts, string.Empty) < 0)
            {
                return HoconPath.FromOwned(parts);
            }
        }

        var tokens = Tokenizer.Tokenize(path, origin);
        tokens.RemoveAt(tokens.Count - 1);
        var bad = tokens.Find(t => !t.IsKeyPart);
        if (bad is not null)
        {
            throw new HoconParseException($"{bad.Describe()} is not allowed in a path expression; quote keys that contain it", new HoconOrigin(origin, bad.Line, bad.Column));
        }

        return Parse(tokens, origin);
    }

    private static bool IsSimple(string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string RawText(IReadOnlyList<Token> tokens, int first, int last)
    {
        var sb = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            sb.Append(tokens[i].Kind == TokenKind.QuotedString ? QuotedText.Quote(tokens[i].Text) : tokens[i].Text);
        }

        return sb.ToString();
    }
}
