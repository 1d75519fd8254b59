using System.Globalization;

namespace ClusterActors.Hocon.Parsing;

/// <summary>Turns number source text into an integer (when it has no fraction or exponent and fits a long) or a double.</summary>
internal static class NumberText
{
    public enum Outcome
    {
        Integer,
        Double,
        NotANumber,
        OutOfRange,
    }

    public static Outcome Parse(string text, out long integer, out double real)
    {
        integer = 0;
        real = 0;
        var isIntegral = text.AsSpan().IndexOfAny(".eE") < 0;
        if (isIntegral)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer))
            {
                real = integer;
                return Outcome.Integer;
            }

            if (!IsDigitsWithOptionalMinus(text))
            {
                return Outcome.NotANumber;
            }

            // Integers beyond long are still numbers; they are kept as doubles rather than turned into strings.
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out real))
        {
            return Outcome.NotANumber;
        }

        return double.IsFinite(real) ? Outcome.Double : Outcome.OutOfRange;
    }

    private static bool IsDigitsWithOptionalMinus(string text)
    {
        var start = text.StartsWith('-') ? 1 : 0;
        if (text.Length == start)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
