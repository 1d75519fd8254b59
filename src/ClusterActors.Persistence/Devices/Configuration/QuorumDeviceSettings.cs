using System.Collections.Immutable;
using System.Text;
using ClusterActors.Hocon;

namespace ClusterActors.Persistence.Devices;

/// <summary>The quorum-device settings of a node (<c>clusteractors.cluster.quorum-devices</c>): where the devices live and which nodes share each.</summary>
/// <param name="Provider">The database that holds the devices.</param>
/// <param name="SqlitePath">The full path of the SQLite file (resolved against the node's data directory).</param>
/// <param name="PostgresConnectionString">The Npgsql connection string; empty unless the provider is PostgreSQL.</param>
/// <param name="Devices">The devices in declaration order.</param>
/// <param name="NoDeviceWinner">Who wins a two-node race when the pair shares no device: <see cref="CrownPrinceWins"/>, <see cref="NobodyWins"/> or a node id.</param>
public sealed record QuorumDeviceSettings(
    QuorumDeviceProvider Provider,
    string SqlitePath,
    string PostgresConnectionString,
    ImmutableArray<QuorumDeviceDefinition> Devices,
    string NoDeviceWinner)
{
    /// <summary>The <see cref="NoDeviceWinner"/> value that lets the higher-priority node of the pair win.</summary>
    public const string CrownPrinceWins = "crown-prince";

    /// <summary>The <see cref="NoDeviceWinner"/> value that lets neither node continue until an operator downs one.</summary>
    public const string NobodyWins = "none";

    /// <summary>The first device, in declaration order, that both nodes share; null when they share none.</summary>
    public string? DeviceSharedBy(string nodeA, string nodeB) => DevicesSharedBy(nodeA, nodeB).FirstOrDefault();

    /// <summary>Every device that both nodes share, in declaration order.</summary>
    public IEnumerable<string> DevicesSharedBy(string nodeA, string nodeB)
    {
        ArgumentNullException.ThrowIfNull(nodeA);
        ArgumentNullException.ThrowIfNull(nodeB);
        return Devices.Where(d => d.IsSharedBy(nodeA) && d.IsSharedBy(nodeB)).Select(d => d.Id);
    }

    /// <summary>
    /// Reads <c>clusteractors.cluster.quorum-devices</c> from a resolved config. A relative <c>sqlite.path</c>
    /// is resolved against <paramref name="dataDirectory"/> (the node's <c>clusteractors.node.data-dir</c>).
    /// </summary>
    /// <exception cref="ConfigurationValueException">A value is not acceptable; the exception names its key.</exception>
    public static QuorumDeviceSettings Read(HoconConfig config, string dataDirectory) => QuorumDeviceSettingsReader.Read(config, dataDirectory);

    // The record's generated ToString would print the connection string, password and all.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Provider = ").Append(Provider)
            .Append(", SqlitePath = ").Append(SqlitePath)
            .Append(", PostgresConnectionString = ").Append(PostgresConnectionString.Length == 0 ? "(empty)" : "(set, not shown)")
            .Append(", Devices = [").AppendJoin(", ", Devices.Select(d => $"{d.Id}: {string.Join('/', d.NodeIds)}")).Append(']')
            .Append(", NoDeviceWinner = ").Append(NoDeviceWinner);
        return true;
    }
}
