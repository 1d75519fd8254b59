namespace ClusterActors.Hocon.Includes;

/// <summary>The resource form of an include statement.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a file relative to the including file.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include url("…")</c>: not supported.</summary>
    Url,

    /// <summary><c>include classpath("…")</c>: not supported.</summary>
    Classpath,
}
