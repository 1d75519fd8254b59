namespace ClusterActors.Cli.LocalCluster;

/// <summary>The latest lines a process printed, numbered, with a way to wait for the next one.</summary>
internal sealed class CapturedOutput(int capacity)
{
    private readonly Lock gate = new();
    private readonly Queue<string> lines = new();
    private long added;
    private bool ended;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The retained lines joined with '\n'.</summary>
    public string Text
    {
        get
        {
            lock (gate)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>The last <paramref name="count"/> retained lines joined with '\n'.</summary>
    public string Tail(int count)
    {
        lock (gate)
        {
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - count)));
        }
    }

    public void Add(string line)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            lines.Enqueue(line);
            if (lines.Count > capacity)
            {
                lines.Dequeue();
            }

            added++;
            wake = Swap();
        }

        wake.TrySetResult();
    }

    /// <summary>No more lines will come (the process has exited and its streams are drained).</summary>
    public void End()
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            ended = true;
            wake = Swap();
        }

        wake.TrySetResult();
    }

    /// <summary>
    /// The retained lines numbered <paramref name="from"/> and later (lines already dropped are skipped),
    /// the number the next line will get, whether the output has ended, and a task that completes on the next change.
    /// </summary>
    public (IReadOnlyList<string> Lines, long Next, bool Ended, Task Changed) ReadFrom(long from)
    {
        lock (gate)
        {
            var first = added - lines.Count;
            var skip = (int)Math.Clamp(from - first, 0, lines.Count);
            return ([.. lines.Skip(skip)], added, ended, changed.Task);
        }
    }

    private TaskCompletionSource Swap()
    {
        var previous = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return previous;
    }
}
