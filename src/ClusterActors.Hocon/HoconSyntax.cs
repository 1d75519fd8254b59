namespace ClusterActors.Hocon;

/// <summary>The syntax a source is read with.</summary>
public enum HoconSyntax
{
    /// <summary>HOCON (.conf), a superset of JSON.</summary>
    Conf,

    /// <summary>Strict JSON (.json): no comments, unquoted text, includes or substitutions.</summary>
    Json,

    /// <summary>Java properties (.properties): dotted keys become paths, every value is a string.</summary>
    Properties,
}
