namespace ClusterActors.Cli.Management;

/// <summary>One management request from a command: unreachable nodes and error answers become a <c>clusterctl: …</c> line and an exit code.</summary>
internal static class ManagementCall
{
    /// <summary>Sends the request; a success goes to <paramref name="onSuccess"/>, anything else is reported on <paramref name="errors"/>.</summary>
    public static async Task<int> SendAsync(
        ManagementEndpoint endpoint,
        HttpMethod method,
        string path,
        IReadOnlyDictionary<string, string>? form,
        TextWriter errors,
        Func<ManagementReply, int> onSuccess,
        CancellationToken cancellation,
        string? json = null)
    {
        ManagementReply reply;
        try
        {
            reply = await ManagementHttp.SendAsync(endpoint, method, path, form, cancellation, json);
        }
        catch (ManagementUnreachableException ex)
        {
            return Fail(errors, ex.Message, ExitCodes.Unavailable);
        }

        return reply.IsSuccess
            ? onSuccess(reply)
            : Fail(errors, $"{reply.Message} (HTTP {(int)reply.Status} from {method} {endpoint.Resolve(path)})", reply.FailureExitCode);
    }

    /// <summary>Writes <c>clusterctl: message</c> and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(TextWriter errors, string message, int exitCode)
    {
        errors.WriteLine($"clusterctl: {message}");
        return exitCode;
    }
}
