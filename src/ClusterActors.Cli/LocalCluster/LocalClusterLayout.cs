using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ClusterActors.Hocon.Layering;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>
/// N nodes on loopback that form one cluster: node-i has cluster port base+i-1 and management port
/// http-base+i-1, every node lists every node as a seed, all share one secret and one token, and the
/// data directories are siblings so the default SQLite quorum-device file (<c>../quorum-devices.db</c>)
/// is one file for all of them.
/// </summary>
public sealed class LocalClusterLayout
{
    /// <summary>Every node listens here, for peers and for management HTTP.</summary>
    public const string Hostname = "127.0.0.1";

    /// <summary>The actor system name (the reference default).</summary>
    public const string SystemName = "clusteractors";

    /// <summary>The keys each generated file sets; an environment variable for one of them would override the file.</summary>
    public static IReadOnlyList<string> GeneratedKeys { get; } =
    [
        "clusteractors.node.system-name",
        "clusteractors.node.node-id",
        "clusteractors.node.data-dir",
        "clusteractors.remote.hostname",
        "clusteractors.remote.port",
        "clusteractors.cluster.secret",
        "clusteractors.cluster.seed-nodes",
        "clusteractors.cluster.isolation-policy",
        "clusteractors.management.http.hostname",
        "clusteractors.management.http.port",
        "clusteractors.management.http.token",
    ];

    private LocalClusterLayout(string directory, string secret, string token, IReadOnlyList<LocalNode> nodes)
    {
        Directory = directory;
        Secret = secret;
        Token = token;
        Nodes = nodes;
    }

    /// <summary>The directory holding the node files, the data directories and the quorum-device file (absolute).</summary>
    public string Directory { get; }

    /// <summary>The shared <c>clusteractors.cluster.secret</c>.</summary>
    public string Secret { get; }

    /// <summary>The shared management bearer token.</summary>
    public string Token { get; }

    /// <summary>node-1 … node-N.</summary>
    public IReadOnlyList<LocalNode> Nodes { get; }

    /// <summary>The id of the quorum device every node of the local cluster shares.</summary>
    public const string SharedDevice = "local-disk";

    /// <summary>The SQLite quorum-device file the nodes share by default.</summary>
    public string QuorumDeviceFile => Path.Combine(Directory, "quorum-devices.db");

    /// <summary>Lays the cluster out without touching the disk; throws <see cref="LocalClusterException"/> naming a bad option.</summary>
    public static LocalClusterLayout Plan(LocalClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Nodes < 1)
        {
            throw new LocalClusterException($"a local cluster needs at least one node, not {options.Nodes}");
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            throw new LocalClusterException("the cluster secret is empty");
        }

        if (options.Token.Length == 0 || options.Token.Any(c => c is <= ' ' or >= (char)127))
        {
            throw new LocalClusterException("the management token must be printable ASCII without spaces (it is sent as 'Authorization: Bearer <token>')");
        }

        var ports = options.Ports ?? Consecutive(options);
        if (ports.Count != options.Nodes)
        {
            throw new LocalClusterException($"{ports.Count} port pairs given for {options.Nodes} nodes");
        }

        CheckDistinct(ports);
        var directory = Path.GetFullPath(options.Directory);
        var nodes = ports.Select((pair, i) =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"node-{i + 1}");
            return new LocalNode(
                i + 1,
                id,
                pair,
                string.Create(CultureInfo.InvariantCulture, $"ca.tcp://{SystemName}@{Hostname}:{pair.Remote}"),
                new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{Hostname}:{pair.Management}")),
                Path.Combine(directory, id),
                Path.Combine(directory, id + ".conf"));
        }).ToList();
        return new LocalClusterLayout(directory, options.Secret, options.Token, nodes);
    }

    /// <summary>The node whose cluster address is <paramref name="address"/>, or null.</summary>
    public LocalNode? NodeAt(string address) =>
        Nodes.FirstOrDefault(node => string.Equals(node.Address, address.TrimEnd('/'), StringComparison.Ordinal));

    /// <summary>The node id for a cluster address, or the address itself when no node of the layout has it.</summary>
    public string NameOf(string address) => NodeAt(address)?.NodeId ?? address;

    /// <summary>The HOCON file of <paramref name="node"/>.</summary>
    public string ConfigText(LocalNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var seeds = string.Join(", ", Nodes.Select(n => Quote(n.Address)));
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# {node.NodeId} of a local cluster of {Nodes.Count}, written by `clusterctl local-cluster` (rewritten on every run).")
            .AppendLine("# It holds the cluster secret and the management token: keep it private.")
            .AppendLine("clusteractors {")
            .AppendLine(CultureInfo.InvariantCulture, $"  node.system-name = {Quote(SystemName)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  node.node-id = {Quote(node.NodeId)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  node.data-dir = {Quote(node.DataDirectory)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  remote.hostname = {Quote(Hostname)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  remote.port = {node.Ports.Remote}")
            .AppendLine(CultureInfo.InvariantCulture, $"  cluster.secret = {Quote(Secret)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  cluster.seed-nodes = [{seeds}]")
            .AppendLine("  # Nodes started apart never form two clusters: each waits for the others.")
            .AppendLine("  cluster.isolation-policy = \"refuse\"")
            .AppendLine("  # One quorum device all nodes share (a row in the SQLite file beside the data directories):")
            .AppendLine("  # the two survivors of a pair race for it, and an excluded node is fenced off it.")
            .AppendLine(CultureInfo.InvariantCulture, $"  cluster.quorum-devices.devices = [{{ id = {Quote(SharedDevice)}, nodes = [{string.Join(", ", Nodes.Select(n => Quote(n.NodeId)))}] }}]")
            .AppendLine(CultureInfo.InvariantCulture, $"  management.http.hostname = {Quote(Hostname)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  management.http.port = {node.Ports.Management}")
            .AppendLine(CultureInfo.InvariantCulture, $"  management.http.token = {Quote(Token)}")
            .AppendLine("}");
        return text.ToString();
    }

    /// <summary>Every port of the layout with what it is for ("cluster transport of node-2").</summary>
    public IEnumerable<(int Port, string Use)> Ports() =>
        Nodes.SelectMany(node => new[]
        {
            (node.Ports.Remote, $"cluster transport of {node.NodeId}"),
            (node.Ports.Management, $"management HTTP of {node.NodeId}"),
        });

    /// <summary>Throws <see cref="LocalClusterException"/> naming the first port of the layout that something already listens on.</summary>
    public void EnsurePortsFree()
    {
        foreach (var (port, use) in Ports())
        {
            if (!LocalPorts.IsFree(IPAddress.Parse(Hostname), port))
            {
                throw new LocalClusterException(string.Create(CultureInfo.InvariantCulture, $"port {port} on {Hostname} ({use}) is taken: stop what listens there, or choose other ports (--base-port, --http-base-port)"));
            }
        }
    }

    /// <summary>Environment variables that would override a generated key in every node (the environment layer beats the file), with the key.</summary>
    public static IReadOnlyList<(string Variable, string Key)> EnvironmentOverrides(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return [.. GeneratedKeys
            .Select(key => (Variable: HoconLayers.EnvironmentVariableFor(key, RuntimeConfiguration.RootPath, RuntimeConfiguration.EnvironmentPrefix), Key: key))
            .Where(pair => environment(pair.Variable) is not null)];
    }

    /// <summary>Creates the directories and writes every node file (readable by the owner only where the system allows).</summary>
    public void Write()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var node in Nodes)
        {
            System.IO.Directory.CreateDirectory(node.DataDirectory);
            File.WriteAllText(node.ConfigFile, ConfigText(node));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(node.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    private static List<NodePorts> Consecutive(LocalClusterOptions options)
    {
        CheckRange("--base-port", options.BasePort, options.Nodes);
        CheckRange("--http-base-port", options.HttpBasePort, options.Nodes);
        return [.. Enumerable.Range(0, options.Nodes).Select(i => new NodePorts(options.BasePort + i, options.HttpBasePort + i))];
    }

    private static void CheckRange(string option, int first, int count)
    {
        if (first < 1 || first + count - 1 > 65535)
        {
            throw new LocalClusterException(string.Create(CultureInfo.InvariantCulture, $"{option} {first} does not leave {count} TCP ports (ports {first}-{first + count - 1} must lie within 1-65535)"));
        }
    }

    private static void CheckDistinct(IReadOnlyList<NodePorts> ports)
    {
        var uses = new Dictionary<int, string>();
        for (var i = 0; i < ports.Count; i++)
        {
            foreach (var (port, use) in new[] { (ports[i].Remote, $"the cluster port of node-{i + 1}"), (ports[i].Management, $"the management port of node-{i + 1}") })
            {
                if (port is < 1 or > 65535)
                {
                    throw new LocalClusterException(string.Create(CultureInfo.InvariantCulture, $"{port} is not a TCP port ({use}); port 0 cannot be used, as every node's seed list names every port"));
                }

                if (!uses.TryAdd(port, use))
                {
                    throw new LocalClusterException(string.Create(CultureInfo.InvariantCulture, $"port {port} would be both {uses[port]} and {use}: the cluster and management port ranges overlap"));
                }
            }
        }
    }

    // JSON string syntax is HOCON's quoted-string syntax.
    private static string Quote(string value) => $"\"{JsonEncodedText.Encode(value)}\"";
}
