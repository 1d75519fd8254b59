using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>A running node process (<c>dotnet ClusterActors.Node.dll …</c>) with its output captured line by line.</summary>
/// <remarks>
/// The one place that starts, signals, kills and reads node processes: clusterctl local-cluster, the
/// end-to-end tests and the membership benchmark all go through it. Disposing kills a process that
/// is still running, so a failing test leaves none behind.
/// </remarks>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly CapturedOutput output;
    private readonly Action<NodeOutputLine>? onOutputLine;
    private readonly TimeProvider time;
    private readonly Task<int> exited;

    private NodeProcess(Process process, NodeProcessStart start)
    {
        this.process = process;
        Name = start.Name;
        output = new CapturedOutput(start.RetainedLines);
        onOutputLine = start.OnOutputLine;
        time = start.TimeProvider;
        process.OutputDataReceived += (_, e) => Add(e.Data, fromStandardError: false);
        process.ErrorDataReceived += (_, e) => Add(e.Data, fromStandardError: true);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{Name}: {process.StartInfo.FileName} did not start");
        }

        Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        exited = WatchExit();
    }

    /// <summary>The name it was started under (node-1 …).</summary>
    public string Name { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id { get; }

    /// <summary>The retained output (the latest <see cref="NodeProcessStart.RetainedLines"/> lines), stdout and stderr interleaved.</summary>
    public string Output => output.Text;

    /// <summary>Completes with the exit code once the process has exited and its output is read to the end.</summary>
    public Task<int> Exited => exited;

    /// <summary>True once <see cref="Exited"/> has completed.</summary>
    public bool HasExited => exited.IsCompleted;

    /// <summary>Starts the process; throws <see cref="InvalidOperationException"/> naming the command when it cannot.</summary>
    public static NodeProcess Start(NodeProcessStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var program = start.ProgramPath ?? NodeProgram.Locate();
        var info = new ProcessStartInfo(NodeProgram.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory ?? Path.GetDirectoryName(program) ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(program);
        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        try
        {
            return new NodeProcess(process, start);
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"{start.Name}: cannot run {info.FileName} {program}: {ex.Message}", ex);
        }
    }

    /// <summary>The last <paramref name="lines"/> retained lines.</summary>
    public string OutputTail(int lines) => output.Tail(lines);

    /// <summary>Sends a signal. On Windows, which has no signals, every one of them kills the process.</summary>
    public void Signal(NodeSignal signal)
    {
        if (HasExited)
        {
            return;
        }

        if (signal == NodeSignal.Kill || OperatingSystem.IsWindows())
        {
            Kill();
            return;
        }

        ProcessSignals.Send(Id, signal);
    }

    /// <summary>SIGKILL: ends the process at once, as a crash would.</summary>
    public void Kill()
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: the outcome asked for.
        }
    }

    /// <summary>Waits until a printed line matches and returns it; fails with the output when the deadline passes or the process exits first.</summary>
    public async Task<string> WaitForLine(Regex pattern, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var start = time.GetTimestamp();
        long next = 0;
        while (true)
        {
            var (lines, following, ended, changed) = output.ReadFrom(next);
            next = following;
            foreach (var line in lines)
            {
                if (pattern.IsMatch(line))
                {
                    return line;
                }
            }

            if (ended)
            {
                var code = await exited;
                throw new InvalidOperationException($"{Name} exited with code {code} before printing a line matching /{pattern}/. Output:\n{Output}");
            }

            var left = deadline - time.GetElapsedTime(start);
            try
            {
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await changed.WaitAsync(left, time);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{Name} printed no line matching /{pattern}/ within {deadline.TotalSeconds:0.#} s. Output:\n{Output}");
            }
        }
    }

    /// <summary>Waits until the node prints where its management endpoints listen and returns that URL.</summary>
    public async Task<Uri> WaitForManagementAddress(TimeSpan deadline)
    {
        var line = await WaitForLine(ManagementLine(), deadline);
        return new Uri(ManagementLine().Match(line).Groups["url"].Value);
    }

    /// <summary>Waits for the process to exit and returns its exit code, or fails with its output.</summary>
    public async Task<int> WaitForExit(TimeSpan deadline)
    {
        try
        {
            return await exited.WaitAsync(deadline, time);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not exit within {deadline.TotalSeconds:0.#} s. Output:\n{Output}");
        }
    }

    /// <summary>SIGTERM, then waits up to <paramref name="grace"/> for the ordered shutdown, then kills.</summary>
    public async Task<NodeExit> StopAsync(TimeSpan grace)
    {
        Signal(NodeSignal.Terminate);
        try
        {
            return new NodeExit(Name, await exited.WaitAsync(grace, time), Killed: false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return new NodeExit(Name, await exited, Killed: true);
        }
    }

    /// <summary>Kills the process if it still runs, waits for it, and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            await exited;
        }

        process.Dispose();
    }

    private async Task<int> WatchExit()
    {
        // Waits for the output streams to end as well, so every line is captured before this completes.
        await process.WaitForExitAsync();
        output.End();
        return process.ExitCode;
    }

    private void Add(string? line, bool fromStandardError)
    {
        if (line is null)
        {
            return;
        }

        output.Add(line);
        onOutputLine?.Invoke(new NodeOutputLine(Name, line, fromStandardError));
    }

    [GeneratedRegex(@"management at (?<url>http://\S+)")]
    private static partial Regex ManagementLine();
}
