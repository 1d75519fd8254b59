using System.Globalization;
using ClusterActors.Cli.Management;
using ClusterActors.Hocon.Layering;
using ClusterActors.Remoting;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>
/// <c>clusterctl local-cluster</c> from start to exit: writes the files, starts the nodes with their
/// output prefixed, waits until they agree on one membership, reports it, keeps running, and on Ctrl-C
/// or SIGTERM stops every node in order (a second signal kills them).
/// </summary>
public static class LocalClusterRun
{
    /// <summary>How long a node gets for its ordered shutdown before it is killed.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly string SecretVariable =
        HoconLayers.EnvironmentVariableFor("clusteractors.cluster.secret", RuntimeConfiguration.RootPath, RuntimeConfiguration.EnvironmentPrefix);

    /// <summary>Runs until the nodes have stopped, with the process's signals and clock; returns the exit code.</summary>
    public static int Run(LocalClusterRequest request, TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        // A synchronous action: System.CommandLine installs its own signal handling (with a 2 s limit on
        // the stop) only around asynchronous ones, and stopping the nodes in order may take longer.
        using var signals = new StopSignals();
        return RunAsync(request, output, errors, environment, CryptoRandomSource.Instance, TimeProvider.System, signals.Stop, signals.KillNow)
            .GetAwaiter().GetResult();
    }

    /// <summary>The run with every dependency given: <paramref name="stop"/> asks for the ordered stop, <paramref name="killNow"/> cuts it short.</summary>
    public static async Task<int> RunAsync(
        LocalClusterRequest request,
        TextWriter output,
        TextWriter errors,
        Func<string, string?> environment,
        IRandomSource random,
        TimeProvider time,
        CancellationToken stop,
        CancellationToken killNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        output = TextWriter.Synchronized(output);
        errors = TextWriter.Synchronized(errors);

        // The nodes inherit this environment, whose variables beat the files: use the token and secret
        // found there rather than print a token the nodes would not accept.
        var token = request.Token ?? NonEmpty(environment(ManagementEndpoint.TokenVariable)) ?? LocalClusterSecrets.NewHex(random);
        var secret = request.Secret ?? NonEmpty(environment(SecretVariable)) ?? LocalClusterSecrets.NewHex(random, 32);
        var overrides = LocalClusterLayout.EnvironmentOverrides(environment)
            .Where(o => o.Variable != ManagementEndpoint.TokenVariable || environment(o.Variable) != token)
            .Where(o => o.Variable != SecretVariable || environment(o.Variable) != secret)
            .ToList();
        if (overrides.Count > 0)
        {
            return Fail(errors, ExitCodes.BadInput, string.Join("; ", overrides.Select(o => $"{o.Variable} is set and would override {o.Key} in every node's file")) + ": unset it to run a local cluster");
        }

        LocalClusterLayout layout;
        string program;
        try
        {
            layout = LocalClusterLayout.Plan(new LocalClusterOptions
            {
                Nodes = request.Nodes,
                BasePort = request.BasePort,
                HttpBasePort = request.HttpBasePort,
                Directory = request.Directory,
                Secret = secret,
                Token = token,
            });
        }
        catch (LocalClusterException ex)
        {
            return Fail(errors, ExitCodes.BadInput, ex.Message);
        }

        try
        {
            layout.EnsurePortsFree();
            program = NodeProgram.Locate(request.NodeProgram);
            layout.Write();
        }
        catch (Exception ex) when (ex is LocalClusterException or IOException or UnauthorizedAccessException)
        {
            return Fail(errors, ExitCodes.Failed, ex.Message);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[local-cluster] starting {layout.Nodes.Count} nodes: files and data in {layout.Directory}, node program {program}"));
        RunningCluster started;
        try
        {
            started = await RunningCluster.Start(layout, new RunningClusterOptions
            {
                ProgramPath = program,
                TimeProvider = time,
                OutputTailInErrors = 0, // every line is printed as it comes
                OnOutputLine = line => (line.FromStandardError ? errors : output).WriteLine($"[{line.Node}] {line.Text}"),
            });
        }
        catch (InvalidOperationException ex)
        {
            return Fail(errors, ExitCodes.Failed, ex.Message);
        }

        await using var cluster = started;

        using var http = new HttpClient();
        var watch = new MembershipWatch(http, layout, time);
        try
        {
            var formed = await cluster.WaitUntilFormedAsync(watch, PollInterval, request.FormTimeout, progress => output.WriteLine($"[local-cluster] {progress}"), stop);
            output.WriteLine(Formed(layout, formed[0].View!));
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Ctrl-C in a terminal reaches the nodes too, so one of them may have exited first: still an ordered stop.
            return await StopAll(cluster, output, errors, reported: [], killNow);
        }
        catch (Exception ex) when (ex is TimeoutException or LocalClusterException)
        {
            errors.WriteLine($"clusterctl: local-cluster: {ex.Message}");
            await StopAll(cluster, output, errors, reported: [], killNow);
            return ExitCodes.Failed;
        }

        return await RunUntilStopped(cluster, output, errors, stop, killNow);
    }

    /// <summary>The line that says the cluster is up, where to reach it, and with which token.</summary>
    public static string Formed(LocalClusterLayout layout, MembersView view)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(view);
        var crownPrince = view.CrownPrince is null ? "none" : layout.NameOf(view.CrownPrince);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Cluster formed: {view.Members.Count} members at epoch {view.Epoch} (crown prince {crownPrince}). Management: {string.Join(' ', layout.Nodes.Select(n => n.ManagementUrl.AbsoluteUri.TrimEnd('/')))} Token: {layout.Token}");
    }

    private static async Task<int> RunUntilStopped(RunningCluster cluster, TextWriter output, TextWriter errors, CancellationToken stop, CancellationToken killNow)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = stop.Register(() => stopped.TrySetResult());
        var running = cluster.Processes.ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var failures = 0;
        while (running.Count > 0)
        {
            await Task.WhenAny(running.Select(p => (Task)p.Exited).Append(stopped.Task));
            if (stop.IsCancellationRequested)
            {
                return await StopAll(cluster, output, errors, reported, killNow);
            }

            foreach (var gone in running.Where(p => p.HasExited).ToList())
            {
                var code = await gone.Exited;
                failures += code == 0 ? 0 : 1;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[local-cluster] {gone.Name} exited on its own with code {code}"));
                reported.Add(gone.Name);
                running.Remove(gone);
            }
        }

        output.WriteLine("[local-cluster] every node has exited");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<int> StopAll(RunningCluster cluster, TextWriter output, TextWriter errors, HashSet<string> reported, CancellationToken killNow)
    {
        var running = cluster.Processes.Count(p => !p.HasExited);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[local-cluster] stopping {running} nodes (SIGTERM; a second Ctrl-C kills them) …"));
        var stopping = cluster.StopAsync(StopGrace);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (killNow.Register(() => killed.TrySetResult()))
        {
            if (await Task.WhenAny(stopping, killed.Task) != stopping)
            {
                output.WriteLine("[local-cluster] killing every node");
                cluster.Processes.ToList().ForEach(p => p.Kill());
            }
        }

        foreach (var exit in await stopping)
        {
            if (reported.Contains(exit.Node))
            {
                continue;
            }

            var line = exit.Killed
                ? string.Create(CultureInfo.InvariantCulture, $"[local-cluster] {exit.Node} did not stop within {StopGrace.TotalSeconds:0} s and was killed")
                : string.Create(CultureInfo.InvariantCulture, $"[local-cluster] {exit.Node} exited with code {exit.ExitCode}");
            (exit.ExitCode == 0 ? output : errors).WriteLine(line);
        }

        return ExitCodes.Ok;
    }

    private static int Fail(TextWriter errors, int exitCode, string message)
    {
        errors.WriteLine($"clusterctl: local-cluster: {message}");
        return exitCode;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
