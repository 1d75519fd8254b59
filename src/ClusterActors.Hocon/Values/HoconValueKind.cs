namespace ClusterActors.Hocon.Values;

/// <summary>The shape of a node in the value tree; the last three only exist before resolution.</summary>
internal enum HoconValueKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
    Substitution,
    Concatenation,
    MergeStack,
}
