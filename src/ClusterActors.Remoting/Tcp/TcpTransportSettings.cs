using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Remoting;

/// <summary>Everything a <see cref="TcpTransport"/> needs: who the node is, where it listens, its limits, timeouts and injected clock, dice and log.</summary>
/// <remarks><see cref="Validate"/> (called by the transport's constructor) throws <see cref="ArgumentException"/> naming the bad setting.</remarks>
public sealed record TcpTransportSettings
{
    /// <summary>The actor system's name, the <c>system</c> part of <c>ca.tcp://system@host:port</c>.</summary>
    public required string SystemName { get; init; }

    /// <summary>The host peers dial and the listener binds (an IP literal or a DNS name).</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The port to listen on; 0 takes any free port (the bound one is in the address).</summary>
    public int Port { get; init; }

    /// <summary>This node's id in the cluster.</summary>
    public required string NodeId { get; init; }

    /// <summary>Which run of the node this is (non-zero; see <see cref="NodeIncarnation.New"/>).</summary>
    public required long Incarnation { get; init; }

    /// <summary>The infrastructure software version sent in the handshake, e.g. <c>0.1.0</c>.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>The cluster secret (<c>cluster.secret</c>); empty is only allowed on a loopback host.</summary>
    public required ClusterSecret Secret { get; init; }

    /// <summary>The largest frame body sent or accepted after the handshake.</summary>
    public int MaxFrameSize { get; init; } = FrameLimits.DefaultMaxFrameSize;

    /// <summary>Ordinary (non-system) messages queued per peer before new ones are dropped.</summary>
    public int OutboundQueueCapacity { get; init; } = 100_000;

    /// <summary>How long a connection may take to complete its handshake; also how long a graceful close waits for the peer to hang up.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long dialing a peer may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait before redialing a peer after a failure or a broken connection.</summary>
    public TimeSpan ReconnectBackoffMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between redials.</summary>
    public TimeSpan ReconnectBackoffMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of every timeout and backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where handshake nonces and backoff jitter come from.</summary>
    public IRandomSource Random { get; init; } = CryptoRandomSource.Instance;

    /// <summary>Where the transport logs.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Breaks links on purpose in tests: every send is routed through it. Null in production.</summary>
    public FaultInjector? Faults { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        Require(SystemName is not null, nameof(SystemName), "is missing");
        Require(Hostname is not null, nameof(Hostname), "is missing");
        Require(Port is >= 0 and <= 65535, nameof(Port), $"is {Port}; use 1..65535, or 0 for any free port");
        try
        {
            RemoteAddress.Create(SystemName!, Hostname!, Port == 0 ? 1 : Port);
        }
        catch (RemoteAddressFormatException error)
        {
            var setting = error.Part == RemoteAddressPart.System ? nameof(SystemName) : nameof(Hostname);
            throw new ArgumentException($"TcpTransportSettings.{setting} does not make a remote address: {error.Message}", setting, error);
        }

        Require(NodeIds.IsValid(NodeId), nameof(NodeId), $"'{NodeId}' is illegal: use 1..{NodeIds.MaxLength} ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        Require(Incarnation != 0, nameof(Incarnation), "is 0, which names no run of a node; use NodeIncarnation.New");
        Require(NodeIdentity.IsValidSoftwareVersion(SoftwareVersion), nameof(SoftwareVersion), $"'{SoftwareVersion}' is illegal: use 1..{NodeIdentity.MaxSoftwareVersionLength} printable ASCII characters without spaces");
        Require(Secret is not null, nameof(Secret), "is missing; use ClusterSecret.None for no secret (loopback only)");
        Require(MaxFrameSize is >= FrameLimits.MinimumMaxFrameSize and <= FrameLimits.MaximumMaxFrameSize, nameof(MaxFrameSize), $"is {MaxFrameSize}; use {FrameLimits.MinimumMaxFrameSize}..{FrameLimits.MaximumMaxFrameSize} bytes");
        Require(OutboundQueueCapacity >= 1, nameof(OutboundQueueCapacity), $"is {OutboundQueueCapacity}; at least 1 message must fit");
        RequirePositive(HandshakeTimeout, nameof(HandshakeTimeout));
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(ReconnectBackoffMin, nameof(ReconnectBackoffMin));
        RequirePositive(ReconnectBackoffMax, nameof(ReconnectBackoffMax));
        Require(ReconnectBackoffMax >= ReconnectBackoffMin, nameof(ReconnectBackoffMax), $"({ReconnectBackoffMax}) is shorter than ReconnectBackoffMin ({ReconnectBackoffMin})");
        Require(TimeProvider is not null, nameof(TimeProvider), "is missing");
        Require(Random is not null, nameof(Random), "is missing");
        Require(LoggerFactory is not null, nameof(LoggerFactory), "is missing");
    }

    private static void RequirePositive(TimeSpan value, string setting) =>
        Require(value > TimeSpan.Zero && value.TotalDays < 1, setting, $"is {value}; use a positive duration shorter than a day");

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"TcpTransportSettings.{setting} {problem}.", setting);
        }
    }
}
