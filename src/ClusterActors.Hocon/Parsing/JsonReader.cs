using System.Globalization;
using System.Text;
using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Strict JSON (RFC 8259) for .json sources: no comments, unquoted text, trailing commas, includes or
/// substitutions. Duplicate keys follow the HOCON rule (objects merge, otherwise the last wins).
/// </summary>
internal sealed class JsonReader
{
    private const int MaxNesting = 400;

    private readonly string _text;
    private readonly string _originName;
    private int _position;
    private int _line = 1;
    private int _column = 1;
    private int _nesting;

    private JsonReader(string text, string originName)
    {
        _text = text;
        _originName = originName;
    }

    public static HoconObject ReadDocument(string text, string originName)
    {
        var reader = new JsonReader(text, originName);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._position = 1;
        }

        reader.SkipWhitespace();
        if (reader.Peek() != '{')
        {
            throw reader.Error(reader.AtEnd ? "empty JSON document: a JSON configuration must be an object" : "a JSON configuration must have an object at its root");
        }

        var root = reader.ReadObject();
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Error($"unexpected {reader.DescribeCurrent()} after the end of the JSON document");
        }

        return root;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek() => AtEnd ? '\0' : _text[_position];

    private HoconOrigin Here => new(_originName, _line, _column);

    private HoconParseException Error(string reason) => new(reason, Here);

    private string DescribeCurrent() => AtEnd ? "end of input" : $"character '{_text[_position]}'";

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

    private void SkipWhitespace()
    {
        while (!AtEnd && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            Advance();
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}', found {DescribeCurrent()}");
        }

        Advance();
    }

    private HoconValue ReadValue()
    {
        var c = Peek();
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                var origin = Here;
                return HoconScalar.String(ReadString(), origin);
            case 't':
                return ReadLiteral("true", o => HoconScalar.Boolean(true, o));
            case 'f':
                return ReadLiteral("false", o => HoconScalar.Boolean(false, o));
            case 'n':
                return ReadLiteral("null", HoconScalar.Null);
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return ReadNumber();
                }

                throw Error($"unexpected {DescribeCurrent()}: strict JSON needs a quoted string, number, object, list, true, false or null (comments, unquoted text and substitutions are HOCON-only)");
        }
    }

    private HoconValue ReadLiteral(string literal, Func<HoconOrigin, HoconValue> create)
    {
        var origin = Here;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected {DescribeCurrent()}: expected '{literal}'");
        }

        for (var i = 0; i < literal.Length; i++)
        {
            Advance();
        }

        return create(origin);
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw Error($"JSON is nested more than {MaxNesting} levels deep");
        }
    }

    private HoconObject ReadObject()
    {
        var result = new HoconObject(Here);
        Enter();
        Expect('{');
        SkipWhitespace();
        if (Peek() == '}')
        {
            Advance();
            _nesting--;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error($"expected a quoted key, found {DescribeCurrent()} (strict JSON allows no trailing comma or unquoted key)");
            }

            var key = ReadString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            var value = ReadValue();
            result.Set(key, ValueMerger.Merge(result.TryGetValue(key, out var existing) ? existing : null, value, inPlace: true));
            SkipWhitespace();
            if (Peek() == ',')
            {
                Advance();
                continue;
            }

            Expect('}');
            _nesting--;
            return result;
        }
    }

    private HoconArray ReadArray()
    {
        var origin = Here;
        Enter();
        Expect('[');
        var elements = new List<HoconValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            Advance();
            _nesting--;
            return new HoconArray(elements, origin);
        }

        while (true)
        {
            SkipWhitespace();
            elements.Add(ReadValue());
            SkipWhitespace();
            if (Peek() == ',')
            {
                Advance();
                continue;
            }

            Expect(']');
            _nesting--;
            return new HoconArray(elements, origin);
        }
    }

    private string ReadString()
    {
        int line = _line, column = _column;
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new HoconParseException("unterminated string", new HoconOrigin(_originName, line, column));
            }

            var c = _text[_position];
            if (c == '"')
            {
                Advance();
                return sb.ToString();
            }

            if (c < ' ')
            {
                throw Error("control character inside a JSON string must be escaped");
            }

            if (c != '\\')
            {
                sb.Append(c);
                Advance();
                continue;
            }

            var escaped = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
            char decoded;
            switch (escaped)
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    if (_position + 6 <= _text.Length
                        && int.TryParse(_text.AsSpan(_position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        for (var i = 0; i < 6; i++)
                        {
                            Advance();
                        }

                        sb.Append((char)code);
                        continue;
                    }

                    throw Error("invalid unicode escape: \\u must be followed by 4 hex digits");
                default:
                    throw Error("invalid escape in JSON string");
            }

            Advance();
            Advance();
            sb.Append(decoded);
        }
    }

    private HoconScalar ReadNumber()
    {
        var origin = Here;
        var start = _position;
        if (Peek() == '-')
        {
            Advance();
        }

        if (Peek() == '0')
        {
            Advance();
        }
        else if (char.IsAsciiDigit(Peek()))
        {
            ReadDigits();
        }
        else
        {
            throw Error("invalid number: expected a digit");
        }

        if (Peek() == '.')
        {
            Advance();
            if (!char.IsAsciiDigit(Peek()))
            {
                throw Error("invalid number: expected a digit after '.'");
            }

            ReadDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            Advance();
            if (Peek() is '+' or '-')
            {
                Advance();
            }

            if (!char.IsAsciiDigit(Peek()))
            {
                throw Error("invalid number: expected a digit in the exponent");
            }

            ReadDigits();
        }

        var text = _text[start.._position];
        return NumberText.Parse(text, out var integer, out var real) switch
        {
            NumberText.Outcome.Integer => HoconScalar.Integer(integer, text, origin),
            NumberText.Outcome.Double => HoconScalar.Double(real, text, origin),
            _ => throw new HoconParseException($"number '{text}' is out of range", origin),
        };
    }

    private void ReadDigits()
    {
        while (char.IsAsciiDigit(Peek()))
        {
            Advance();
        }
    }
}
