using System.Text;

namespace ClusterActors.Remoting;

/// <summary>The shared key whose HMACs prove, in the handshake, that both nodes belong to the same cluster.</summary>
/// <remarks>
/// An empty secret still authenticates (HMAC with an empty key), so nodes without a configured secret
/// talk to each other: the host's rule is to refuse a non-loopback address without one.
/// <see cref="ToString"/> never shows the key.
/// </remarks>
public sealed class ClusterSecret
{
    private readonly byte[] key;

    private ClusterSecret(byte[] key) => this.key = key;

    /// <summary>No secret configured.</summary>
    public static ClusterSecret None { get; } = new([]);

    /// <summary>True when no key is set.</summary>
    public bool IsEmpty => key.Length == 0;

    /// <summary>The secret from its configured text (<c>cluster.secret</c>), as UTF-8 bytes.</summary>
    public static ClusterSecret FromText(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new ClusterSecret(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>The secret from raw bytes (copied).</summary>
    public static ClusterSecret FromBytes(ReadOnlySpan<byte> secret) => new(secret.ToArray());

    /// <summary>Says whether a key is set, never what it is.</summary>
    public override string ToString() => IsEmpty ? "ClusterSecret(none)" : $"ClusterSecret({key.Length} bytes)";

    internal ReadOnlySpan<byte> Key => key;
}
