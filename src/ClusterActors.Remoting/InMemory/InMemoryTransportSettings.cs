using ClusterActors.Actors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Remoting;

/// <summary>Who a node on an <see cref="InMemoryNetwork"/> is: the parts of its address, its identity, and where it logs.</summary>
public sealed record InMemoryTransportSettings
{
    /// <summary>The actor system's name, the <c>system</c> of <c>ca.tcp://system@host:port</c>.</summary>
    public required string SystemName { get; init; }

    /// <summary>The host part of the address: a DNS-style name (e.g. <c>node1</c>) or an IP literal; nothing is resolved.</summary>
    public required string Host { get; init; }

    /// <summary>The port part of the address, 1..65535 (no port 0: nothing picks a free one in memory).</summary>
    public required int Port { get; init; }

    /// <summary>The node's id in the cluster.</summary>
    public required string NodeId { get; init; }

    /// <summary>Which run of the node this is (non-zero); a restart at the same address needs a new one.</summary>
    public required long Incarnation { get; init; }

    /// <summary>The infrastructure software version peers see.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>Where the transport logs; nothing by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The validated identity; throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    internal static NodeIdentity ToIdentity(InMemoryTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.SystemName is null || settings.Host is null || settings.NodeId is null || settings.SoftwareVersion is null || settings.LoggerFactory is null)
        {
            throw Invalid("SystemName, Host, NodeId, SoftwareVersion and LoggerFactory", "must all be set.", nameof(settings));
        }

        if (settings.Port is < 1 or > 65535)
        {
            throw Invalid(nameof(Port), $"{settings.Port} is outside 1..65535.", nameof(settings));
        }

        if (!NodeIds.IsValid(settings.NodeId))
        {
            throw Invalid(nameof(NodeId), $"'{settings.NodeId}' is illegal: use 1..{NodeIds.MaxLength} ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or digit.", nameof(settings));
        }

        if (settings.Incarnation == 0)
        {
            throw Invalid(nameof(Incarnation), "is 0, which names no run of a node (use NodeIncarnation.New).", nameof(settings));
        }

        if (!NodeIdentity.IsValidSoftwareVersion(settings.SoftwareVersion))
        {
            throw Invalid(nameof(SoftwareVersion), $"'{settings.SoftwareVersion}' is illegal: use 1..{NodeIdentity.MaxSoftwareVersionLength} printable ASCII characters without spaces.", nameof(settings));
        }

        Address address;
        try
        {
            address = RemoteAddress.Create(settings.SystemName, settings.Host, settings.Port);
        }
        catch (RemoteAddressFormatException error)
        {
            var setting = error.Part == RemoteAddressPart.System ? nameof(SystemName) : error.Part.ToString();
            throw new ArgumentException($"InMemoryTransportSettings.{setting} does not make a remote address: {error.Message}", nameof(settings), error);
        }

        return new NodeIdentity(settings.NodeId, address, settings.Incarnation, settings.SoftwareVersion, WireProtocol.SupportedVersions);
    }

    private static ArgumentException Invalid(string setting, string problem, string parameter) => new($"InMemoryTransportSettings.{setting} {problem}", parameter);
}
