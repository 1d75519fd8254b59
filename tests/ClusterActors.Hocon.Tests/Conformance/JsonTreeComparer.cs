using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterActors.Hocon.Tests.Conformance;

/// <summary>
/// Compares two JSON trees: objects as unordered key sets, lists in order, and numbers by kind and
/// value (an integer never equals a non-integer, so 42 and 42.0 differ). Returns the first difference.
/// </summary>
internal static class JsonTreeComparer
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{path}: expected an object, got {Show(actual)}";
                }

                var missing = expectedObject.Select(p => p.Key).Except(actualObject.Select(p => p.Key), StringComparer.Ordinal).ToList();
                var extra = actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key), StringComparer.Ordinal).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                {
                    return $"{path}: keys differ; missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]";
                }

                foreach (var (key, value) in expectedObject)
                {
                    var difference = FirstDifference(value, actualObject[key], $"{path}.{key}");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return $"{path}: expected a list, got {Show(actual)}";
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} elements, got {actualArray.Count}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var difference = FirstDifference(expectedArray[i], actualArray[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                if (actual is not JsonValue actualValue)
                {
                    return $"{path}: expected {expected.ToJsonString()}, got {Show(actual)}";
                }

                return ScalarEquals((JsonValue)expected, actualValue) ? null : $"{path}: expected {Describe((JsonValue)expected)}, got {Describe(actualValue)}";
        }
    }

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static bool ScalarEquals(JsonValue expected, JsonValue actual)
    {
        var (expectedKind, expectedText) = Classify(expected);
        var (actualKind, actualText) = Classify(actual);
        if (expectedKind != actualKind)
        {
            return false;
        }

        return expectedKind switch
        {
            "integer" => long.Parse(expectedText, CultureInfo.InvariantCulture) == long.Parse(actualText, CultureInfo.InvariantCulture),
            "double" => double.Parse(expectedText, CultureInfo.InvariantCulture).Equals(double.Parse(actualText, CultureInfo.InvariantCulture)),
            _ => string.Equals(expectedText, actualText, StringComparison.Ordinal),
        };
    }

    private static string Describe(JsonValue value)
    {
        var (kind, text) = Classify(value);
        return $"{kind} {text}";
    }

    /// <summary>Kind (integer, double, string, boolean) and canonical text of a value, whether parsed or built.</summary>
    private static (string Kind, string Text) Classify(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind switch
            {
                JsonValueKind.Number => (element.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? "double" : "integer", element.GetRawText()),
                JsonValueKind.String => ("string", element.GetString()!),
                JsonValueKind.True or JsonValueKind.False => ("boolean", element.GetRawText()),
                _ => ("other", element.GetRawText()),
            };
        }

        if (value.TryGetValue<long>(out var integer))
        {
            return ("integer", integer.ToString(CultureInfo.InvariantCulture));
        }

        if (value.TryGetValue<int>(out var small))
        {
            return ("integer", small.ToString(CultureInfo.InvariantCulture));
        }

        if (value.TryGetValue<double>(out var real))
        {
            return ("double", real.ToString("R", CultureInfo.InvariantCulture));
        }

        if (value.TryGetValue<bool>(out var boolean))
        {
            return ("boolean", boolean ? "true" : "false");
        }

        return value.TryGetValue<string>(out var text) ? ("string", text) : ("other", value.ToJsonString());
    }
}
