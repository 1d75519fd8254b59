using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Who a node is on the wire: node id, remote address, incarnation, software version and the protocol versions it speaks.</summary>
/// <remarks>The local node's identity goes into its handshake; a peer's comes out of an accepted one.</remarks>
public sealed record NodeIdentity
{
    /// <summary>Creates a validated identity; throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public NodeIdentity(string nodeId, Address address, long incarnation, string softwareVersion, ProtocolVersionRange supportedVersions)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(softwareVersion);
        if (!NodeIds.IsValid(nodeId))
        {
            throw new ArgumentException($"Node id '{nodeId}' is illegal: use 1..{NodeIds.MaxLength} ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or digit.", nameof(nodeId));
        }

        if (!RemoteAddress.IsValid(address))
        {
            throw new ArgumentException($"Address '{address}' is not a canonical remote address (ca.tcp://system@host:port).", nameof(address));
        }

        if (incarnation == 0)
        {
            throw new ArgumentException("Incarnation 0 names no run of a node; use NodeIncarnation.New.", nameof(incarnation));
        }

        if (!IsValidSoftwareVersion(softwareVersion))
        {
            throw new ArgumentException($"Software version '{softwareVersion}' is illegal: use 1..{MaxSoftwareVersionLength} printable ASCII characters without spaces (e.g. '0.1.0').", nameof(softwareVersion));
        }

        if (supportedVersions == default)
        {
            throw new ArgumentException("The supported protocol versions are missing.", nameof(supportedVersions));
        }

        NodeId = nodeId;
        Address = address;
        Incarnation = incarnation;
        SoftwareVersion = softwareVersion;
        SupportedVersions = supportedVersions;
    }

    /// <summary>The longest software version string allowed.</summary>
    public const int MaxSoftwareVersionLength = 64;

    /// <summary>The node's id in the cluster.</summary>
    public string NodeId { get; }

    /// <summary>Where the node listens, e.g. <c>ca.tcp://sys@host:2552</c>.</summary>
    public Address Address { get; }

    /// <summary>Which run of the node this is.</summary>
    public long Incarnation { get; }

    /// <summary>The infrastructure software version, e.g. <c>0.1.0</c>.</summary>
    public string SoftwareVersion { get; }

    /// <summary>The wire-protocol versions the node speaks.</summary>
    public ProtocolVersionRange SupportedVersions { get; }

    /// <summary>True when <paramref name="version"/> is 1..64 printable ASCII characters without spaces.</summary>
    public static bool IsValidSoftwareVersion(string? version) =>
        version is { Length: > 0 and <= MaxSoftwareVersionLength } && version.All(c => c is > ' ' and <= '~');
}
