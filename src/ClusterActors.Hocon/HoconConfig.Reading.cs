using System.Globalization;
using ClusterActors.Hocon.Parsing;
using ClusterActors.Hocon.Reading;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>Typed reads by path expression (<c>a.b."c.d"</c>), with the spec's automatic conversions.</summary>
public sealed partial class HoconConfig
{
    /// <summary>True when the path has a value that is not null (like lightbend's hasPath).</summary>
    public bool HasPath(string path) => TryFind(PathExpressionParser.ParseApiPath(path), out var value) && value.Kind != HoconValueKind.Null;

    /// <summary>True when the path has a value, null included.</summary>
    public bool HasPathOrNull(string path) => TryFind(PathExpressionParser.ParseApiPath(path), out _);

    /// <summary>A string; numbers and booleans are converted to their text.</summary>
    public string GetString(string path)
    {
        var (value, rendered) = Find(path);
        return TextOf(value, rendered, "a string");
    }

    /// <summary>A 32-bit integer; a string holding a number is converted; whole doubles are accepted.</summary>
    public int GetInt(string path)
    {
        var (value, rendered) = Find(path);
        var number = WholeNumberOf(value, rendered, "an int");
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new HoconBadValueException(rendered, $"'{rendered}' = {number} is out of range for a 32-bit int", value.Origin);
    }

    /// <summary>A 64-bit integer; a string holding a number is converted; whole doubles are accepted.</summary>
    public long GetLong(string path)
    {
        var (value, rendered) = Find(path);
        return WholeNumberOf(value, rendered, "a long");
    }

    /// <summary>A double; a string holding a number is converted.</summary>
    public double GetDouble(string path)
    {
        var (value, rendered) = Find(path);
        if (value is HoconScalar { Kind: HoconValueKind.Number } number)
        {
            return number.DoubleValue;
        }

        if (value is HoconScalar { Kind: HoconValueKind.String, Text: { } text }
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }

        throw WrongType(value, rendered, "a number");
    }

    /// <summary>A boolean; the strings true/yes/on and false/no/off are converted.</summary>
    public bool GetBoolean(string path)
    {
        var (value, rendered) = Find(path);
        if (value is HoconScalar { Kind: HoconValueKind.Boolean } boolean)
        {
            return boolean.BooleanValue;
        }

        if (value is HoconScalar { Kind: HoconValueKind.String, Text: { } text })
        {
            switch (text)
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        throw WrongType(value, rendered, "a boolean (true/false/yes/no/on/off)");
    }

    /// <summary>A duration: "10s", "100 ms", "5 minutes", "1d"; a bare number is milliseconds.</summary>
    public TimeSpan GetDuration(string path)
    {
        var (value, rendered) = Find(path);
        switch (value)
        {
            case HoconScalar { Kind: HoconValueKind.Number } number:
                return DurationParser.TryFromMilliseconds(number.DoubleValue, out var fromNumber)
                    ? fromNumber
                    : throw new HoconBadValueException(rendered, $"'{rendered}' = {number.Text} milliseconds is out of range for a duration", value.Origin);
            case HoconScalar { Kind: HoconValueKind.String, Text: { } text }:
                return DurationParser.TryParse(text, out var duration, out var error)
                    ? duration
                    : throw new HoconBadValueException(rendered, $"'{rendered}': {error}", value.Origin);
            default:
                throw WrongType(value, rendered, "a duration");
        }
    }

    /// <summary>A size in bytes: "512k", "10MiB", "1 GB"; a bare number is bytes.</summary>
    public long GetBytes(string path)
    {
        var (value, rendered) = Find(path);
        switch (value)
        {
            case HoconScalar { Kind: HoconValueKind.Number } number:
                if (number.IsInteger)
                {
                    return number.IntegerValue;
                }

                return number.DoubleValue is >= long.MinValue and < long.MaxValue
                    ? (long)number.DoubleValue
                    : throw new HoconBadValueException(rendered, $"'{rendered}' = {number.Text} bytes does not fit in 64 bits", value.Origin);
            case HoconScalar { Kind: HoconValueKind.String, Text: { } text }:
                return ByteSizeParser.TryParse(text, out var bytes, out var error)
                    ? bytes
                    : throw new HoconBadValueException(rendered, $"'{rendered}': {error}", value.Origin);
            default:
                throw WrongType(value, rendered, "a size in bytes");
        }
    }

    /// <summary>
    /// A list of strings (numbers and booleans converted). An object whose keys are integers ("0", "1", …)
    /// also reads as a list, in numeric key order, as the spec allows for properties-style lists.
    /// </summary>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var (value, rendered) = Find(path);
        var elements = value switch
        {
            HoconArray array => array.Elements,
            HoconObject obj when NumericallyIndexed(obj) is { } indexed => indexed,
            _ => throw WrongType(value, rendered, "a list"),
        };
        var result = new string[elements.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = elements[i].IsResolved ? TextOf(elements[i], string.Create(CultureInfo.InvariantCulture, $"{rendered}[{i}]"), "a string") : throw NotResolved(elements[i], rendered);
        }

        return result;
    }

    /// <summary>The object at the path as a config of its own.</summary>
    public HoconConfig GetConfig(string path)
    {
        var (value, rendered) = Find(path);
        return value is HoconObject obj ? new HoconConfig(obj) : throw WrongType(value, rendered, "an object");
    }

    private static List<HoconValue>? NumericallyIndexed(HoconObject obj)
    {
        var indexed = new List<(long Index, HoconValue Value)>();
        foreach (var key in obj.Keys)
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add((index, obj[key]));
            }
        }

        return indexed.Count == 0 ? null : [.. indexed.OrderBy(e => e.Index).Select(e => e.Value)];
    }

    private (HoconValue Value, string Rendered) Find(string pathExpression)
    {
        var path = PathExpressionParser.ParseApiPath(pathExpression);
        var rendered = path.Render();
        HoconValue current = Root;
        for (var i = 0; i < path.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                throw current.IsResolved
                    ? new HoconWrongTypeException(rendered, "an object", current.Describe(), $"cannot read '{rendered}': '{path.Take(i).Render()}' is {current.Describe()}, not an object", current.Origin)
                    : NotResolved(current, path.Take(i).Render());
            }

            if (!obj.TryGetValue(path[i], out var child))
            {
                var where = i == 0 ? "the config" : $"'{path.Take(i).Render()}'";
                throw new HoconMissingPathException(rendered, $"no configuration setting found for path '{rendered}' ({where} has no key {QuotedText.Quote(path[i])})", obj.Origin);
            }

            current = child;
        }

        // Objects and lists may hold unresolved parts (GetConfig of a parsed config); a substitution itself cannot be read.
        return current is HoconObject or HoconArray or HoconScalar ? (current, rendered) : throw NotResolved(current, rendered);
    }

    private bool TryFind(HoconPath path, out HoconValue value)
    {
        value = Root;
        for (var i = 0; i < path.Length; i++)
        {
            if (value is not HoconObject obj)
            {
                if (!value.IsResolved)
                {
                    throw NotResolved(value, path.Take(i).Render());
                }

                return false;
            }

            if (!obj.TryGetValue(path[i], out var child))
            {
                return false;
            }

            value = child;
        }

        return true;
    }

    private static HoconResolveException NotResolved(HoconValue value, string rendered) =>
        new($"'{rendered}' is {value.Describe()}; call Resolve() before reading it", value.Origin);

    private static HoconWrongTypeException WrongType(HoconValue value, string rendered, string expected) =>
        new(rendered, expected, value.Describe(), $"'{rendered}' is {value.Describe()}, expected {expected}", value.Origin);

    private static string TextOf(HoconValue value, string rendered, string expected) =>
        value is HoconScalar { Text: { } text } ? text : throw WrongType(value, rendered, expected);

    private static long WholeNumberOf(HoconValue value, string rendered, string expected)
    {
        double real;
        switch (value)
        {
            case HoconScalar { Kind: HoconValueKind.Number, IsInteger: true } integer:
                return integer.IntegerValue;
            case HoconScalar { Kind: HoconValueKind.Number } number:
                real = number.DoubleValue;
                break;
            case HoconScalar { Kind: HoconValueKind.String, Text: { } text }:
                switch (NumberText.Parse(text.Trim(), out var parsed, out real))
                {
                    case NumberText.Outcome.Integer:
                        return parsed;
                    case NumberText.Outcome.Double:
                        break;
                    default:
                        throw WrongType(value, rendered, expected);
                }

                break;
            default:
                throw WrongType(value, rendered, expected);
        }

        if (real != Math.Floor(real) || real < long.MinValue || real >= long.MaxValue)
        {
            throw new HoconBadValueException(rendered, $"'{rendered}' = {real.ToString(CultureInfo.InvariantCulture)} is not a whole number that fits {expected}", value.Origin);
        }

        return (long)real;
    }
}
