using System.Globalization;

namespace ClusterActors.Hocon.Reading;

/// <summary>Splits "10 ms" / "512KiB" into the number and the trailing unit letters, as lightbend does.</summary>
internal static class UnitSplitter
{
    public static bool TrySplit(string text, out decimal number, out string unit, out string? error)
    {
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        unit = trimmed[unitStart..];
        var numberText = trimmed[..unitStart].Trim();
        number = 0;
        if (numberText.Length == 0)
        {
            error = "no number before the unit";
            return false;
        }

        try
        {
            if (!decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
            {
                error = $"'{numberText}' is not a number";
                return false;
            }
        }
        catch (OverflowException)
        {
            error = $"'{numberText}' is out of range";
            return false;
        }

        error = null;
        return true;
    }
}
