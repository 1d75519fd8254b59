using System.Buffers;

namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s, as a pipe hands them out.</summary>
public static class Sequences
{
    /// <summary>One sequence over <paramref name="data"/> with a segment boundary at each cut (repeated cuts give empty segments).</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, IEnumerable<int> cuts)
    {
        var bounds = cuts.Where(c => c >= 0 && c <= data.Length).Order().ToList();
        bounds.Add(data.Length);
        Segment? first = null;
        Segment? last = null;
        var start = 0;
        foreach (var end in bounds)
        {
            last = new Segment(data[start..end], last);
            first ??= last;
            start = end;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>Random cut points for <paramref name="length"/> bytes: sometimes none, sometimes every byte.</summary>
    public static int[] RandomCuts(Random random, int length)
    {
        var count = random.Next(0, 4) switch
        {
            0 => 0,
            1 => length,
            _ => random.Next(1, Math.Max(2, length / 3)),
        };
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(0, length + 1))];
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
