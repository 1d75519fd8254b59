namespace ClusterActors.Remoting;

/// <summary>Where nonces and incarnation ids come from: cryptographic in production, seeded in tests so a run replays.</summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    void NextBytes(Span<byte> destination);
}
