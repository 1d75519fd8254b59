using System.Text;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Merging;

/// <summary>
/// Joins the pieces of a value concatenation once none of them is a substitution any more: strings
/// (and numbers, booleans, null) join as text with the whitespace between them; objects merge left to
/// right; lists append. Mixing the two families is an error. Undefined optional pieces are dropped.
/// </summary>
internal static class ConcatenationJoiner
{
    /// <param name="pieces">Joined pieces; null entries are undefined <c>${?x}</c> pieces.</param>
    /// <param name="written">The pieces as written (same order), whose origins locate a kind mismatch; null when <paramref name="pieces"/> are as written.</param>
    /// <param name="origin">Origin of a joined string.</param>
    /// <param name="inPlace">Whether objects may be merged in place (only for fresh parse results).</param>
    /// <param name="atParseTime">Selects the exception type for a kind mismatch.</param>
    /// <returns>The joined value, or null when every real piece was undefined.</returns>
    public static HoconValue? Join(IReadOnlyList<HoconValue?> pieces, IReadOnlyList<HoconValue>? written, HoconOrigin origin, bool inPlace, bool atParseTime)
    {
        var realCount = 0;
        var hasWhitespace = false;
        var firstReal = -1;
        var structured = false;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece is null)
            {
                continue;
            }

            if (piece is HoconScalar { IsConcatenationWhitespace: true })
            {
                hasWhitespace = true;
                continue;
            }

            realCount++;
            if (firstReal < 0)
            {
                firstReal = i;
            }

            structured |= piece is HoconObject or HoconArray;
        }

        if (firstReal < 0)
        {
            return null;
        }

        if (structured)
        {
            return JoinStructured(pieces, written, firstReal, inPlace, atParseTime);
        }

        if (realCount == 1 && !hasWhitespace)
        {
            return pieces[firstReal];
        }

        var sb = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece is HoconScalar scalar)
            {
                sb.Append(scalar.ConcatenationText);
            }
        }

        return HoconScalar.String(sb.ToString(), origin);
    }

    private static HoconValue JoinStructured(IReadOnlyList<HoconValue?> pieces, IReadOnlyList<HoconValue>? written, int firstReal, bool inPlace, bool atParseTime)
    {
        var first = pieces[firstReal]!;
        HoconValue? merged = null;
        List<HoconValue>? elements = first is HoconArray ? [] : null;
        for (var i = firstReal; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece is null or HoconScalar { IsConcatenationWhitespace: true })
            {
                continue;
            }

            if (piece.Kind != first.Kind || first is HoconScalar)
            {
                var clash = i;
                while (!Clashes(first, pieces[clash]))
                {
                    clash++;
                }

                throw Mismatch(first, pieces[clash]!, (written?[clash] ?? pieces[clash]!).Origin, atParseTime);
            }

            if (elements is not null)
            {
                elements.AddRange(((HoconArray)piece).Elements);
            }
            else
            {
                merged = ValueMerger.Merge(merged, piece, inPlace);
            }
        }

        return elements is not null ? new HoconArray(elements, first.Origin) : merged!;
    }

    private static bool Clashes(HoconValue first, HoconValue? piece) => piece switch
    {
        null or HoconScalar { IsConcatenationWhitespace: true } => false,
        HoconObject or HoconArray => piece.Kind != first.Kind,
        _ => first is not HoconScalar,
    };

    public static HoconException Mismatch(HoconValue first, HoconValue other, HoconOrigin at, bool atParseTime)
    {
        var reason = $"cannot concatenate {first.Describe()} with {other.Describe()}: a value concatenation joins strings with strings, objects with objects, or lists with lists (quote the whole value if a string is meant)";
        return atParseTime
            ? new HoconParseException(reason, at)
            : new HoconResolveException(reason, at);
    }
}
