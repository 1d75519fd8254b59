using System.Globalization;
using ClusterActors.Hocon.Reading;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Configuration;

/// <summary>
/// Maps a resolved tree to IConfiguration data: path a.b.c becomes key "a:b:c", list elements
/// "a:0", "a:1", null stays null, and an empty object or list is a key with a null value (as the JSON
/// provider does). Keys are case-insensitive there, so two HOCON paths differing only in case are an error.
/// </summary>
internal static class ConfigurationFlattener
{
    public static Dictionary<string, string?> Flatten(HoconObject root, HoconConfigurationOptions options)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, (HoconPath Path, HoconOrigin Origin)>(StringComparer.OrdinalIgnoreCase);
        Walk(root, null, HoconPath.Root, data, origins, options);
        return data;
    }

    private static void Walk(
        HoconValue value,
        string? key,
        HoconPath path,
        Dictionary<string, string?> data,
        Dictionary<string, (HoconPath Path, HoconOrigin Origin)> origins,
        HoconConfigurationOptions options)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0 && key is not null)
                {
                    Add(key, null, path, value.Origin, data, origins);
                }

                foreach (var child in obj.Keys)
                {
                    Walk(obj[child], key is null ? child : key + ":" + child, path.Append(child), data, origins, options);
                }

                break;
            case HoconArray array:
                if (array.Elements.Count == 0)
                {
                    Add(key!, null, path, value.Origin, data, origins);
                }

                for (var i = 0; i < array.Elements.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Walk(array.Elements[i], key + ":" + index, path.Append(index), data, origins, options);
                }

                break;
            case HoconScalar scalar:
                Add(key!, Render(scalar, path, options), path, value.Origin, data, origins);
                break;
            default:
                throw new HoconResolveException($"'{path.Render()}' is {value.Describe()}; the config must be resolved", value.Origin);
        }
    }

    private static void Add(
        string key,
        string? text,
        HoconPath path,
        HoconOrigin origin,
        Dictionary<string, string?> data,
        Dictionary<string, (HoconPath Path, HoconOrigin Origin)> origins)
    {
        if (origins.TryGetValue(key, out var previous))
        {
            throw new HoconException(
                $"'{path.Render()}' and '{previous.Path.Render()}' (from {previous.Origin}) map to the same case-insensitive configuration key '{key}'",
                origin);
        }

        origins.Add(key, (path, origin));
        data.Add(key, text);
    }

    private static string? Render(HoconScalar scalar, HoconPath path, HoconConfigurationOptions options)
    {
        if (!options.RenderDurationsAsTimeSpan)
        {
            return scalar.Text;
        }

        var filtered = options.DurationPathFilter is not null;
        if (filtered && !options.DurationPathFilter!(path.Render()))
        {
            return scalar.Text;
        }

        switch (scalar.Kind)
        {
            case HoconValueKind.String when DurationParser.TryParse(scalar.Text!, out var duration, out _, requireUnit: !filtered):
                return duration.ToString("c", CultureInfo.InvariantCulture);
            case HoconValueKind.Number when filtered && DurationParser.TryFromMilliseconds(scalar.DoubleValue, out var fromNumber):
                return fromNumber.ToString("c", CultureInfo.InvariantCulture);
            default:
                return scalar.Text;
        }
    }
}
