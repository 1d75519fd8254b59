using System.Runtime.InteropServices;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>Finds the node program (ClusterActors.Node.dll) and the dotnet host that runs it.</summary>
/// <remarks>
/// clusterctl references the node project, so every build of clusterctl — and of any project that
/// references clusterctl, such as the tests and the benchmarks — puts ClusterActors.Node.dll with its
/// runtimeconfig.json and deps.json beside it; <c>dotnet ClusterActors.Node.dll</c> then runs the node
/// of the same build. The dotnet host is the one running this process, so no PATH lookup decides it.
/// </remarks>
public static class NodeProgram
{
    /// <summary>The node's program file.</summary>
    public const string FileName = "ClusterActors.Node.dll";

    /// <summary>The dotnet host executable: this process's own when it is dotnet, else the one of the running runtime, else "dotnet" from PATH.</summary>
    public static string DotnetHost { get; } = FindDotnetHost();

    /// <summary>
    /// <paramref name="explicitPath"/> when given (it must exist), else ClusterActors.Node.dll beside this
    /// program; throws <see cref="FileNotFoundException"/> naming where it looked.
    /// </summary>
    public static string Locate(string? explicitPath = null)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath);
            return File.Exists(full) ? full : throw new FileNotFoundException($"the node program {full} does not exist", full);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        var runtimeConfig = Path.ChangeExtension(beside, ".runtimeconfig.json");
        if (!File.Exists(beside) || !File.Exists(runtimeConfig))
        {
            throw new FileNotFoundException(
                $"{FileName} (with its runtimeconfig.json) is not beside clusterctl in {AppContext.BaseDirectory}: build src/ClusterActors.Cli, which references the node, or name the node program with --node PATH",
                beside);
        }

        return beside;
    }

    private static string FindDotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var current = Environment.ProcessPath;
        if (current is not null && string.Equals(Path.GetFileName(current), executable, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", executable));
        return File.Exists(root) ? root : executable;
    }
}
