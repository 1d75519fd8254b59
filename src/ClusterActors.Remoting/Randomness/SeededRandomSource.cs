namespace ClusterActors.Remoting;

/// <summary>A reproducible <see cref="IRandomSource"/> for tests and the simulator: the same seed gives the same bytes. Never for production nonces.</summary>
public sealed class SeededRandomSource : IRandomSource
{
    private readonly Random random;
    private readonly Lock gate = new();

    /// <summary>Creates the source from <paramref name="seed"/>.</summary>
    public SeededRandomSource(int seed)
    {
        Seed = seed;
#pragma warning disable CA5394 // Reproducibility is the point; production uses CryptoRandomSource.
        random = new Random(seed);
#pragma warning restore CA5394
    }

    /// <summary>The seed, for printing with a failing run.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public void NextBytes(Span<byte> destination)
    {
        lock (gate)
        {
#pragma warning disable CA5394 // See the constructor.
            random.NextBytes(destination);
#pragma warning restore CA5394
        }
    }
}
