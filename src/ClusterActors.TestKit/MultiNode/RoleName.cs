namespace ClusterActors.TestKit;

/// <summary>A role in a multi-node spec (<c>node1</c>, <c>node2</c>, …): one actor system each.</summary>
public sealed record RoleName(string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
