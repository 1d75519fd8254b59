namespace ClusterActors.Remoting;

/// <summary>Chooses the 64-bit id that tells one run of a node from the next: a restarted node is a new incarnation.</summary>
public static class NodeIncarnation
{
    /// <summary>A fresh, non-zero incarnation from <paramref name="random"/>.</summary>
    public static long New(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        long value;
        do
        {
            random.NextBytes(bytes);
            value = BitConverter.ToInt64(bytes);
        }
        while (value == 0);

        return value;
    }
}
