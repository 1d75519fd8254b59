using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Export;

/// <summary>Writes a resolved value tree as JSON text: integers as integers, other numbers as doubles, keys in order.</summary>
internal static class JsonTreeWriter
{
    public static string Write(HoconValue value, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,

            // Configuration output is read by people and tools, not embedded in HTML: keep non-ASCII as is.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes a double so that it reads back as a non-integer: a whole value such as 1.0 is written
    /// "1.0", not "1" (large whole values are written with an exponent anyway).
    /// </summary>
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsInteger(value) && Math.Abs(value) < 1e15)
        {
            // A decimal keeps its scale: 1m + 0.0m is 1.0m, written as "1.0".
            writer.WriteNumberValue((decimal)value + 0.0m);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var key in obj.Keys)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, obj[key]);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var element in array.Elements)
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            case HoconScalar { Kind: HoconValueKind.Number, IsInteger: true } integer:
                writer.WriteNumberValue(integer.IntegerValue);
                break;
            case HoconScalar { Kind: HoconValueKind.Number } number:
                WriteDouble(writer, number.DoubleValue);
                break;
            case HoconScalar { Kind: HoconValueKind.Boolean } boolean:
                writer.WriteBooleanValue(boolean.BooleanValue);
                break;
            case HoconScalar { Kind: HoconValueKind.Null }:
                writer.WriteNullValue();
                break;
            case HoconScalar scalar:
                writer.WriteStringValue(scalar.Text);
                break;
            default:
                throw new HoconResolveException($"cannot write {value.Describe()} as JSON; call Resolve() first", value.Origin);
        }
    }
}
