using ClusterActors.Hocon.Includes;
using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Parses HOCON tokens into an unresolved value tree: objects (braced or the brace-less root), fields
/// with path keys, separators, arrays, value concatenations, substitutions, <c>+=</c> and includes.
/// </summary>
internal sealed class HoconParser
{
    private const int MaxNesting = 400;

    private readonly List<Token> _tokens;
    private readonly SourceInfo _source;
    private readonly IncludeLoader _includes;
    private readonly List<Token> _keyTokens = [];
    private int _index;
    private int _nesting;

    private HoconParser(List<Token> tokens, SourceInfo source, IncludeLoader includes)
    {
        _tokens = tokens;
        _source = source;
        _includes = includes;
    }

    public static HoconObject Parse(string text, SourceInfo source, IncludeLoader includes) =>
        new HoconParser(Tokenizer.Tokenize(text, source.OriginName), source, includes).ParseDocument();

    private Token Current => _tokens[_index];

    private Token Next()
    {
        var token = _tokens[_index];
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private Token Ahead(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private HoconOrigin OriginOf(Token token) => new(_source.OriginName, token.Line, token.Column);

    private HoconParseException Error(Token at, string reason) => new(reason, OriginOf(at));

    private void SkipWhitespaceAndNewlines()
    {
        while (Current.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _index++;
        }
    }

    private void SkipWhitespace()
    {
        while (Current.Kind == TokenKind.Whitespace)
        {
            _index++;
        }
    }

    private HoconObject ParseDocument()
    {
        SkipWhitespaceAndNewlines();
        if (Current.Kind == TokenKind.OpenBrace)
        {
            var root = ParseBracedObject(HoconPath.Root);
            SkipWhitespaceAndNewlines();
            if (Current.Kind != TokenKind.End)
            {
                throw Error(Current, $"unexpected {Current.Describe()} after the closing '}}' of the root object");
            }

            return root;
        }

        if (Current.Kind == TokenKind.OpenBracket)
        {
            throw Error(Current, "the root of a configuration must be an object, not a list");
        }

        return ParseObjectBody(HoconPath.Root, open: null, HoconOrigin.StartOf(_source.OriginName));
    }

    private HoconObject ParseBracedObject(HoconPath prefix)
    {
        var open = Next();
        EnterNesting(open);
        var result = ParseObjectBody(prefix, open, OriginOf(open));
        _nesting--;
        return result;
    }

    private void EnterNesting(Token at)
    {
        if (++_nesting > MaxNesting)
        {
            throw Error(at, $"objects and lists are nested more than {MaxNesting} levels deep");
        }
    }

    /// <param name="prefix">Path of this object from the document root: used for <c>+=</c> and includes.</param>
    /// <param name="open">The '{' token, or null for the brace-less root.</param>
    /// <param name="origin">Origin of the object.</param>
    private HoconObject ParseObjectBody(HoconPath prefix, Token? open, HoconOrigin origin)
    {
        var result = new HoconObject(origin);
        var separation = new MemberSeparation(MemberKind.Field);
        while (true)
        {
            SkipSeparators(ref separation);
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.CloseBrace:
                    if (open is null)
                    {
                        throw Error(token, "unexpected '}' without a matching '{'");
                    }

                    _index++;
                    return result;
                case TokenKind.End:
                    if (open is not null)
                    {
                        throw Error(token, $"unterminated object: expected '}}' to close the '{{' at line {open.Line}, column {open.Column}");
                    }

                    return result;
            }

            RequireSeparatorBefore(token, separation);
            if (IsIncludeStatement())
            {
                ParseInclude(result, prefix);
            }
            else
            {
                ParseField(result, prefix);
            }

            separation.AfterMember();
        }
    }

    private void ParseField(HoconObject target, HoconPath prefix)
    {
        var keyStart = Current;
        var keyTokens = _keyTokens;
        keyTokens.Clear();
        while (Current.IsKeyPart)
        {
            keyTokens.Add(Next());
        }

        if (keyTokens.TrueForAll(t => t.Kind == TokenKind.Whitespace))
        {
            var at = Current;
            throw at.Kind == TokenKind.Substitution
                ? Error(at, $"substitutions are not allowed in keys ({at.Text}); did a previous value miss a separator?")
                : Error(at, $"expected a key, found {at.Describe()}");
        }

        var key = PathExpressionParser.Parse(keyTokens, _source.OriginName);
        SkipWhitespaceAndNewlines();
        var separator = Current;
        var append = false;
        switch (separator.Kind)
        {
            case TokenKind.Colon:
            case TokenKind.Equals:
                _index++;
                SkipWhitespaceAndNewlines();
                break;
            case TokenKind.PlusEquals:
                _index++;
                append = true;
                SkipWhitespaceAndNewlines();
                break;
            case TokenKind.OpenBrace:
                break;
            default:
                throw Error(separator, $"key '{key.Render()}' must be followed by ':', '=', '+=' or '{{', found {separator.Describe()}");
        }

        var fullPath = prefix.Concat(key);
        var valueToken = Current;
        var value = ParseValue(fullPath)
            ?? throw Error(valueToken, $"expected a value for key '{key.Render()}', found {valueToken.Describe()}");
        if (append)
        {
            var origin = OriginOf(separator);
            value = new HoconConcatenation(
                [
                    new HoconSubstitution(fullPath, optional: true, origin, isAppendSugar: true),
                    new HoconArray([value], value.Origin),
                ],
                origin);
        }

        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(OriginOf(keyStart));
            wrapper.Set(key[i], value);
            value = wrapper;
        }

        var first = key[0];
        target.Set(first, ValueMerger.Merge(target.TryGetValue(first, out var existing) ? existing : null, value, inPlace: true));
    }

    /// <summary>Reads one value: a concatenation of simple values, objects, lists and substitutions up to a separator.</summary>
    private HoconValue? ParseValue(HoconPath fieldPath)
    {
        HoconValue? single = null;
        List<HoconValue>? pieces = null;
        Token? pendingWhitespace = null;
        while (true)
        {
            var token = Current;
            HoconValue piece;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    _index++;
                    if (single is not null)
                    {
                        pendingWhitespace = token;
                    }

                    continue;
                case TokenKind.QuotedString:
                case TokenKind.Unquoted:
                    _index++;
                    piece = HoconScalar.String(token.Text, OriginOf(token));
                    break;
                case TokenKind.Number:
                    _index++;
                    piece = token.IsInteger
                        ? HoconScalar.Integer(token.IntegerValue, token.Text, OriginOf(token))
                        : HoconScalar.Double(token.DoubleValue, token.Text, OriginOf(token));
                    break;
                case TokenKind.Boolean:
                    _index++;
                    piece = HoconScalar.Boolean(token.Text == "true", OriginOf(token));
                    break;
                case TokenKind.Null:
                    _index++;
                    piece = HoconScalar.Null(OriginOf(token));
                    break;
                case TokenKind.Substitution:
                    _index++;
                    piece = new HoconSubstitution(token.SubstitutionPath!, token.IsOptional, OriginOf(token));
                    break;
                case TokenKind.OpenBrace:
                    piece = ParseBracedObject(fieldPath);
                    break;
                case TokenKind.OpenBracket:
                    piece = ParseArray(fieldPath);
                    break;
                default:
                    return pieces is null ? single : ConcatenationBuilder.Build(pieces);
            }

            if (single is null)
            {
                single = piece;
                continue;
            }

            pieces ??= [single];
            if (pendingWhitespace is not null)
            {
                pieces.Add(HoconScalar.Whitespace(pendingWhitespace.Text, OriginOf(pendingWhitespace)));
                pendingWhitespace = null;
            }

            pieces.Add(piece);
        }
    }

    private HoconArray ParseArray(HoconPath fieldPath)
    {
        var open = Next();
        EnterNesting(open);
        var elements = new List<HoconValue>();
        var separation = new MemberSeparation(MemberKind.ListElement);
        while (true)
        {
            SkipSeparators(ref separation);
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.CloseBracket:
                    _index++;
                    _nesting--;
                    return new HoconArray(elements, OriginOf(open));
                case TokenKind.End:
                    throw Error(token, $"unterminated list: expected ']' to close the '[' at line {open.Line}, column {open.Column}");
            }

            RequireSeparatorBefore(token, separation);
            var element = ParseValue(fieldPath)
                ?? throw Error(token, $"expected a list element or ']', found {token.Describe()}");
            elements.Add(element);
            separation.AfterMember();
        }
    }

    /// <summary>
    /// Skips what may stand between the members of an object or a list: whitespace, newlines and at
    /// most one comma after a member (HOCON's one separator rule for both).
    /// </summary>
    private void SkipSeparators(ref MemberSeparation separation)
    {
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    _index++;
                    continue;
                case TokenKind.Newline:
                    _index++;
                    separation.NeedSeparator = false;
                    continue;
                case TokenKind.Comma:
                    if (!separation.CommaAllowed)
                    {
                        throw Error(token, $"unexpected ',': expected {separation.Kind.Expected} (commas only go between {separation.Kind.CommaPlural}, at most one at a time)");
                    }

                    _index++;
                    separation.CommaAllowed = false;
                    separation.NeedSeparator = false;
                    continue;
                default:
                    return;
            }
        }
    }

    /// <summary>Refuses a member that follows the previous one on the same line without a comma.</summary>
    private void RequireSeparatorBefore(Token token, MemberSeparation separation)
    {
        if (separation.NeedSeparator)
        {
            throw Error(token, $"expected ',' or a newline between {separation.Kind.SeparatorPlural}, found {token.Describe()}");
        }
    }

    /// <summary>What the members of an object or a list are called in error messages.</summary>
    private sealed record MemberKind(string Expected, string CommaPlural, string SeparatorPlural)
    {
        public static readonly MemberKind Field = new("a field", "fields", "fields");
        public static readonly MemberKind ListElement = new("a list element", "elements", "list elements");
    }

    /// <summary>Where a member loop stands: whether the next member needs a separator first, and whether a comma may come.</summary>
    private struct MemberSeparation(MemberKind kind)
    {
        public MemberKind Kind { get; } = kind;

        public bool NeedSeparator { get; set; }

        public bool CommaAllowed { get; set; }

        /// <summary>A member was just read: the next needs a newline or a comma, and one comma may follow.</summary>
        public void AfterMember()
        {
            NeedSeparator = true;
            CommaAllowed = true;
        }
    }

    private bool IsIncludeStatement()
    {
        if (Current.Kind != TokenKind.Unquoted || Current.Text != "include" || Ahead(1).Kind != TokenKind.Whitespace)
        {
            return false;
        }

        var argument = Ahead(2);
        return argument.Kind == TokenKind.QuotedString
            || (argument.Kind == TokenKind.Unquoted && IncludeSpecParser.StartsWithFunction(argument.Text));
    }

    private void ParseInclude(HoconObject target, HoconPath prefix)
    {
        var keyword = Next();
        var parts = new List<Token>();
        while (Current.Kind is not (TokenKind.Newline or TokenKind.Comma or TokenKind.CloseBrace or TokenKind.End))
        {
            var token = Next();
            if (token.Kind is not (TokenKind.Unquoted or TokenKind.QuotedString or TokenKind.Whitespace))
            {
                throw Error(token, $"unexpected {token.Describe()} in include statement");
            }

            parts.Add(token);
        }

        var directive = IncludeSpecParser.Parse(parts, OriginOf(keyword));
        var included = _includes.LoadInclude(directive, _source);
        if (included is null)
        {
            return;
        }

        var relocated = prefix.IsRoot ? included : (HoconObject)included.Relocate(prefix);
        foreach (var key in relocated.Keys)
        {
            target.Set(key, ValueMerger.Merge(target.TryGetValue(key, out var existing) ? existing : null, relocated[key], inPlace: true));
        }
    }
}
