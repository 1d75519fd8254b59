namespace ClusterActors.Hocon.Values;

/// <summary>A node of the (possibly unresolved) value tree. Nodes are immutable once parsing has finished.</summary>
internal abstract class HoconValue
{
    protected HoconValue(HoconOrigin origin) => Origin = origin;

    public HoconOrigin Origin { get; }

    public abstract HoconValueKind Kind { get; }

    /// <summary>True when the subtree contains no substitution, concatenation or merge stack.</summary>
    public abstract bool IsResolved { get; }

    /// <summary>
    /// Substitutions and concatenations cannot be merged with other values until they are resolved,
    /// so a later or earlier value for the same field has to be kept beside them in a merge stack.
    /// </summary>
    public bool IsUnmergeable => Kind is HoconValueKind.Substitution or HoconValueKind.Concatenation;

    /// <summary>Returns a copy whose substitution paths are prefixed (used when an include lands inside an object).</summary>
    public abstract HoconValue Relocate(HoconPath prefix);

    /// <summary>Human name of the kind for error messages.</summary>
    public string Describe() => Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "a list",
        HoconValueKind.String => "a string",
        HoconValueKind.Number => "a number",
        HoconValueKind.Boolean => "a boolean",
        HoconValueKind.Null => "null",
        HoconValueKind.Substitution => "an unresolved substitution",
        HoconValueKind.Concatenation => "an unresolved concatenation",
        _ => "an unresolved merge of values",
    };
}
