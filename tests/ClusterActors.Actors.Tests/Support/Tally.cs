namespace ClusterActors.Actors.Tests.Support;

/// <summary>A counter shared between actors, threads and the test; every operation is atomic.</summary>
public sealed class Tally
{
    private int value;

    public int Value => Volatile.Read(ref value);

    public int Increment() => Interlocked.Increment(ref value);

    public int Add(int amount) => Interlocked.Add(ref value, amount);
}
