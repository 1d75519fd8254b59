using System.ComponentModel;
using System.Runtime.InteropServices;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>Sends a POSIX signal to a process: .NET can only kill another process, not ask it to stop.</summary>
internal static class ProcessSignals
{
    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Sends <paramref name="signal"/>; a process that is already gone is not an error.</summary>
    public static void Send(int processId, NodeSignal signal)
    {
        if (Kill(processId, (int)signal) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != NoSuchProcess)
            {
                throw new Win32Exception(error, $"kill({processId}, {signal}) failed: {new Win32Exception(error).Message}");
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
