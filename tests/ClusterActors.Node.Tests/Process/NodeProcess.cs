using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ClusterActors.Node.Tests.Process;

/// <summary>A real ClusterActors.Node process, started from the built assembly, with its output captured.</summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly SemaphoreSlim lineArrived = new(0);

    private NodeProcess(System.Diagnostics.Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the node printed so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', lines);

    /// <summary>Starts <c>dotnet ClusterActors.Node.dll</c> with these arguments.</summary>
    public static NodeProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClusterActors.Node.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new NodeProcess(System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits until the node announces its management address and returns it (http://host:port).</summary>
    public async Task<Uri> WaitForManagementAddress(TimeSpan deadline)
    {
        var line = await WaitForLine(ManagementLine(), deadline);
        return new Uri(ManagementLine().Match(line).Groups["url"].Value);
    }

    /// <summary>Waits until a printed line matches, or fails with everything printed so far.</summary>
    public async Task<string> WaitForLine(Regex pattern, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var end = TimeProvider.System.GetTimestamp();
        var seen = 0;
        while (true)
        {
            foreach (var line in lines.Skip(seen))
            {
                seen++;
                if (pattern.IsMatch(line))
                {
                    return line;
                }
            }

            var left = deadline - TimeProvider.System.GetElapsedTime(end);
            if (left <= TimeSpan.Zero || !await lineArrived.WaitAsync(left))
            {
                throw new TimeoutException($"No line matching /{pattern}/ within {deadline}. Output:\n{Output}");
            }
        }
    }

    /// <summary>Sends a POSIX signal (TERM, INT, KILL …) to the node.</summary>
    public async Task Signal(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit and returns its exit code, or fails with its output.</summary>
    public async Task<int> WaitForExit(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The node did not exit within {deadline}. Output:\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lineArrived.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        lineArrived.Release();
    }

    [GeneratedRegex(@"management at (?<url>http://\S+)")]
    private static partial Regex ManagementLine();
}
