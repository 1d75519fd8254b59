using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Parsing;

/// <summary>
/// Turns the pieces of one parsed value into a value: joined right away when no piece is a
/// substitution, otherwise kept as a concatenation for the resolver (after an early kind check).
/// </summary>
internal static class ConcatenationBuilder
{
    public static HoconValue Build(List<HoconValue> pieces)
    {
        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        if (!pieces.Exists(p => p is HoconSubstitution))
        {
            return ConcatenationJoiner.Join(pieces, written: null, pieces[0].Origin, inPlace: true, atParseTime: true)!;
        }

        // Literal text next to a literal object or list can never join, whatever the substitutions become.
        HoconValue? first = null;
        foreach (var piece in pieces)
        {
            if (piece is HoconSubstitution or HoconScalar { IsConcatenationWhitespace: true })
            {
                continue;
            }

            first ??= piece;
            var clash = piece.Kind != first.Kind && (piece is HoconObject or HoconArray || first is HoconObject or HoconArray);
            if (clash)
            {
                throw ConcatenationJoiner.Mismatch(first, piece, piece.Origin, atParseTime: true);
            }
        }

        return new HoconConcatenation(pieces, pieces[0].Origin);
    }
}
