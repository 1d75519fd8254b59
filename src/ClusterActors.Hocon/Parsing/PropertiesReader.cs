using System.Globalization;
using System.Text;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Java .properties: <c>#</c>/<c>!</c> comment lines, <c>key=value</c>, <c>key:value</c> or <c>key value</c>,
/// backslash line continuation and escapes. Keys split on '.' into paths; every value is a string.
/// When a key is both a value and the parent of other keys, the object wins (as the HOCON spec says).
/// </summary>
internal static class PropertiesReader
{
    public static HoconObject Read(string text, string originName)
    {
        var root = new HoconObject(HoconOrigin.StartOf(originName));
        var lines = text.Split('\n');
        var index = 0;
        while (index < lines.Length)
        {
            var startLine = index + 1;
            var logical = ReadLogicalLine(lines, ref index);
            if (logical is null)
            {
                continue;
            }

            var (key, value) = SplitKeyValue(logical, originName, startLine);
            var origin = new HoconOrigin(originName, startLine, 1);
            Put(root, key.Split('.'), HoconScalar.String(value, origin), origin);
        }

        return root;
    }

    /// <summary>Joins continued physical lines; returns null for blank and comment lines.</summary>
    private static string? ReadLogicalLine(string[] lines, ref int index)
    {
        var first = TrimLineEnd(lines[index++]).TrimStart(' ', '\t', '\f');
        if (first.Length == 0 || first[0] is '#' or '!')
        {
            return null;
        }

        var sb = new StringBuilder();
        var current = first;
        while (true)
        {
            var backslashes = 0;
            for (var i = current.Length - 1; i >= 0 && current[i] == '\\'; i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0 || index >= lines.Length)
            {
                sb.Append(backslashes % 2 == 0 ? current : current[..^1]);
                return sb.ToString();
            }

            sb.Append(current, 0, current.Length - 1);
            current = TrimLineEnd(lines[index++]).TrimStart(' ', '\t', '\f');
        }
    }

    private static string TrimLineEnd(string line) => line.EndsWith('\r') ? line[..^1] : line;

    private static (string Key, string Value) SplitKeyValue(string line, string originName, int lineNumber)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }

            if (c == '\\')
            {
                i = Unescape(line, i, key, originName, lineNumber);
                continue;
            }

            key.Append(c);
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
            while (i < line.Length && line[i] is ' ' or '\t' or '\f')
            {
                i++;
            }
        }

        var value = new StringBuilder();
        while (i < line.Length)
        {
            if (line[i] == '\\')
            {
                i = Unescape(line, i, value, originName, lineNumber);
            }
            else
            {
                value.Append(line[i++]);
            }
        }

        return (key.ToString(), value.ToString());
    }

    /// <returns>The index after the escape.</returns>
    private static int Unescape(string line, int at, StringBuilder into, string originName, int lineNumber)
    {
        if (at + 1 >= line.Length)
        {
            return at + 1;
        }

        var c = line[at + 1];
        switch (c)
        {
            case 't': into.Append('\t'); return at + 2;
            case 'n': into.Append('\n'); return at + 2;
            case 'r': into.Append('\r'); return at + 2;
            case 'f': into.Append('\f'); return at + 2;
            case 'u':
                if (at + 6 <= line.Length
                    && int.TryParse(line.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    into.Append((char)code);
                    return at + 6;
                }

                throw new HoconParseException("invalid unicode escape: \\u must be followed by 4 hex digits", new HoconOrigin(originName, lineNumber, at + 1));
            default:
                into.Append(c);
                return at + 2;
        }
    }

    private static void Put(HoconObject root, string[] path, HoconScalar value, HoconOrigin origin)
    {
        var current = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (current.TryGetValue(path[i], out var existing) && existing is HoconObject child)
            {
                current = child;
                continue;
            }

            // A plain value here loses to the object that the longer key needs.
            var created = new HoconObject(origin);
            current.Set(path[i], created);
            current = created;
        }

        if (current.TryGetValue(path[^1], out var old) && old is HoconObject)
        {
            return;
        }

        current.Set(path[^1], value);
    }
}
