using System.Security.Cryptography;

namespace ClusterActors.Remoting;

/// <summary>The production <see cref="IRandomSource"/>: the operating system's cryptographic generator.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    /// <summary>The one instance (it holds no state).</summary>
    public static CryptoRandomSource Instance { get; } = new();

    private CryptoRandomSource()
    {
    }

    /// <inheritdoc />
    public void NextBytes(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
