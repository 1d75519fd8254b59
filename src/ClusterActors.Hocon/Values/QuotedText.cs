using System.Globalization;
using System.Text;

namespace ClusterActors.Hocon.Values;

/// <summary>Character classes of the HOCON spec and JSON-style quoting of strings.</summary>
internal static class QuotedText
{
    /// <summary>Characters that may not appear in unquoted text.</summary>
    public const string ReservedCharacters = "$\"{}[]:=,+#`^?!@*&\\";

    public static bool IsReserved(char c) => ReservedCharacters.Contains(c, StringComparison.Ordinal);

    /// <summary>HOCON whitespace other than newline: Unicode spaces, tabs, the BOM and U+001C..U+001F.</summary>
    public static bool IsWhitespace(char c) =>
        c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF' || c is >= '\u001C' and <= '\u001F');

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }
}
