namespace ClusterActors.Hocon.Values;

/// <summary>A string, number, boolean or null. Numbers keep their source text so concatenation and rendering stay faithful.</summary>
internal sealed class HoconScalar : HoconValue
{
    private HoconScalar(HoconOrigin origin, HoconValueKind kind, string? text, long integer, double real, bool isInteger, bool isWhitespace)
        : base(origin)
    {
        Kind = kind;
        Text = text;
        IntegerValue = integer;
        DoubleValue = real;
        IsInteger = isInteger;
        IsConcatenationWhitespace = isWhitespace;
    }

    public override HoconValueKind Kind { get; }

    /// <summary>String value, number source text, "true"/"false"; null for HOCON null.</summary>
    public string? Text { get; }

    public bool IsInteger { get; }

    public long IntegerValue { get; }

    public double DoubleValue { get; }

    /// <summary>
    /// Unquoted whitespace found between the pieces of a value concatenation: kept between strings,
    /// ignored between objects or lists.
    /// </summary>
    public bool IsConcatenationWhitespace { get; }

    public bool BooleanValue => Kind == HoconValueKind.Boolean && Text == "true";

    public override bool IsResolved => true;

    /// <summary>How this value reads inside a string concatenation (null renders as "null").</summary>
    public string ConcatenationText => Text ?? "null";

    public static HoconScalar String(string value, HoconOrigin origin) =>
        new(origin, HoconValueKind.String, value, 0, 0, false, false);

    public static HoconScalar Whitespace(string value, HoconOrigin origin) =>
        new(origin, HoconValueKind.String, value, 0, 0, false, true);

    public static HoconScalar Integer(long value, string sourceText, HoconOrigin origin) =>
        new(origin, HoconValueKind.Number, sourceText, value, value, true, false);

    public static HoconScalar Double(double value, string sourceText, HoconOrigin origin) =>
        new(origin, HoconValueKind.Number, sourceText, 0, value, false, false);

    public static HoconScalar Boolean(bool value, HoconOrigin origin) =>
        new(origin, HoconValueKind.Boolean, value ? "true" : "false", 0, 0, false, false);

    public static HoconScalar Null(HoconOrigin origin) =>
        new(origin, HoconValueKind.Null, null, 0, 0, false, false);

    public override HoconValue Relocate(HoconPath prefix) => this;
}
