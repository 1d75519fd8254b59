using ClusterActors.Hocon.Includes;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Reads what follows <c>include</c>: a quoted name, or <c>file(…)</c>, <c>url(…)</c>, <c>classpath(…)</c>,
/// optionally wrapped in <c>required(…)</c>. The tokenizer hands over pieces such as the unquoted text
/// <c>required(file(</c>, so this works on characters and quoted strings.
/// </summary>
internal sealed class IncludeSpecParser
{
    private static readonly string[] Functions = ["required(", "file(", "url(", "classpath("];

    private readonly List<Atom> _atoms = [];
    private readonly HoconOrigin _origin;
    private int _index;

    private IncludeSpecParser(IReadOnlyList<Token> tokens, HoconOrigin origin)
    {
        _origin = origin;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.QuotedString:
                    _atoms.Add(new Atom(null, token.Text, token));
                    break;
                case TokenKind.Whitespace:
                    _atoms.Add(new Atom(' ', null, token));
                    break;
                default:
                    foreach (var c in token.Text)
                    {
                        _atoms.Add(new Atom(c, null, token));
                    }

                    break;
            }
        }
    }

    private readonly record struct Atom(char? Character, string? Quoted, Token Token);

    public static bool StartsWithFunction(string text) =>
        Array.Exists(Functions, f => text.StartsWith(f, StringComparison.Ordinal));

    public static IncludeDirective Parse(IReadOnlyList<Token> tokens, HoconOrigin origin)
    {
        var parser = new IncludeSpecParser(tokens, origin);
        var directive = parser.ParseSpec(insideRequired: false);
        parser.SkipSpaces();
        if (parser._index < parser._atoms.Count)
        {
            throw parser.Error("unexpected text after the include target");
        }

        return directive;
    }

    private HoconParseException Error(string reason)
    {
        var at = _index < _atoms.Count
            ? new HoconOrigin(_origin.Description, _atoms[_index].Token.Line, _atoms[_index].Token.Column)
            : _origin;
        return new HoconParseException(
            $"invalid include statement: {reason}; expected include \"name\", file(\"name\"), url(\"…\"), classpath(\"…\") or required(…) around one of them",
            at);
    }

    private void SkipSpaces()
    {
        while (_index < _atoms.Count && _atoms[_index].Character == ' ')
        {
            _index++;
        }
    }

    private IncludeDirective ParseSpec(bool insideRequired)
    {
        SkipSpaces();
        if (_index >= _atoms.Count)
        {
            throw Error("missing include target");
        }

        if (_atoms[_index].Quoted is { } name)
        {
            _index++;
            return new IncludeDirective(IncludeKind.Heuristic, name, false, _origin);
        }

        var function = ReadWord();
        if (_index >= _atoms.Count || _atoms[_index].Character != '(')
        {
            throw Error($"'{function}' is not a quoted name or an include function");
        }

        _index++;
        IncludeDirective result;
        switch (function)
        {
            case "required" when !insideRequired:
                result = ParseSpec(insideRequired: true) with { Required = true };
                break;
            case "file":
                result = new IncludeDirective(IncludeKind.File, ReadQuotedArgument(), false, _origin);
                break;
            case "url":
                result = new IncludeDirective(IncludeKind.Url, ReadQuotedArgument(), false, _origin);
                break;
            case "classpath":
                result = new IncludeDirective(IncludeKind.Classpath, ReadQuotedArgument(), false, _origin);
                break;
            default:
                throw Error($"'{function}(' is not allowed here");
        }

        SkipSpaces();
        if (_index >= _atoms.Count || _atoms[_index].Character != ')')
        {
            throw Error("missing ')'");
        }

        _index++;
        return result;
    }

    private string ReadWord()
    {
        var start = _index;
        while (_index < _atoms.Count && _atoms[_index].Character is { } c && char.IsAsciiLetter(c))
        {
            _index++;
        }

        return string.Concat(_atoms.Skip(start).Take(_index - start).Select(a => a.Character!.Value));
    }

    private string ReadQuotedArgument()
    {
        SkipSpaces();
        if (_index >= _atoms.Count || _atoms[_index].Quoted is not { } name)
        {
            throw Error("the argument must be a quoted string");
        }

        _index++;
        return name;
    }
}
