namespace ClusterActors.TestKit;

/// <summary>The roles of a multi-node spec with the HOCON every node shares and each node's own.</summary>
/// <remarks>
/// Each node's configuration is, from weakest to strongest: reference.conf, the runner's test defaults
/// (port 0, a fresh cluster secret), <see cref="CommonConfig"/>, the node's own <see cref="NodeConfig"/>.
/// </remarks>
public sealed class MultiNodeConfig
{
    private readonly List<RoleName> roles = [];
    private readonly Dictionary<RoleName, string> nodeConfigs = [];

    /// <summary>The declared roles, in declaration order.</summary>
    public IReadOnlyList<RoleName> Roles => roles;

    /// <summary>HOCON every node reads (e.g. <c>clusteractors.remote.outbound-queue-capacity = 100</c>).</summary>
    public string CommonConfig { get; set; } = string.Empty;

    /// <summary>Declares a role; names must be unique and valid actor system names.</summary>
    public RoleName Role(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Actors.ActorSystem.IsValidName(name))
        {
            throw new ArgumentException($"Role '{name}' must be a valid actor system name (letters, digits, '-' and '_').", nameof(name));
        }

        var role = new RoleName(name);
        if (roles.Contains(role))
        {
            throw new ArgumentException($"Role '{name}' is declared twice.", nameof(name));
        }

        roles.Add(role);
        return role;
    }

    /// <summary>Sets the HOCON only <paramref name="role"/> reads, on top of <see cref="CommonConfig"/>.</summary>
    public void NodeConfig(RoleName role, string hocon)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(hocon);
        if (!roles.Contains(role))
        {
            throw new ArgumentException($"Role '{role}' is not declared in this config.", nameof(role));
        }

        nodeConfigs[role] = hocon;
    }

    /// <summary>The node's own HOCON (empty if none).</summary>
    public string NodeConfigOf(RoleName role) => nodeConfigs.GetValueOrDefault(role, string.Empty);
}
