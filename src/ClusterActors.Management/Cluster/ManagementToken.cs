using System.Security.Cryptography;
using System.Text;

namespace ClusterActors.Management.Cluster;

/// <summary>The bearer token that unlocks the state-changing management routes (<c>clusteractors.management.http.token</c>).</summary>
/// <remarks>
/// Only a SHA-256 digest of the token is kept and compared, so the comparison takes the same time
/// whatever the presented token's length or content, and the secret never shows up in a dump or a
/// <see cref="ToString"/>. A blank token counts as none: a token of spaces is a configuration slip,
/// and treating it as "routes disabled" fails closed.
/// </remarks>
public sealed class ManagementToken
{
    private readonly byte[] digest;

    /// <summary>Wraps the configured token; null, empty or blank means none is configured.</summary>
    public ManagementToken(string? configured)
    {
        IsConfigured = !string.IsNullOrWhiteSpace(configured);
        digest = SHA256.HashData(Encoding.UTF8.GetBytes(configured ?? string.Empty));
    }

    /// <summary>No token configured: every state-changing route answers 403.</summary>
    public static ManagementToken None { get; } = new(null);

    /// <summary>True when a token is configured (state-changing routes are enabled).</summary>
    public bool IsConfigured { get; }

    /// <summary>True when a token is configured and <paramref name="presented"/> equals it, compared in constant time.</summary>
    public bool Matches(string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var equal = CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
        return IsConfigured && equal;
    }

    /// <inheritdoc />
    public override string ToString() => IsConfigured ? "ManagementToken(configured)" : "ManagementToken(none)";
}
