using System.Net;
using System.Text.Json;

namespace ClusterActors.Cli.Management;

/// <summary>One answer of a node's management HTTP: status and body as received.</summary>
public sealed record ManagementReply(HttpStatusCode Status, string Body)
{
    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The server's <c>message</c>, or a sentence naming the status when the body carries none.</summary>
    public string Message
    {
        get
        {
            try
            {
                var message = JsonSerializer.Deserialize(Body, ClusterCtlJsonContext.Default.ServerMessage)?.Message;
                if (!string.IsNullOrWhiteSpace(message))
                {
                    return message;
                }
            }
            catch (JsonException)
            {
                // Not a management answer (a proxy's page, an empty body): fall through to the status.
            }

            return $"HTTP {(int)Status} {Status} without a message";
        }
    }

    /// <summary>The exit code for an unsuccessful reply: 400 is bad input, 503 is unavailable, the rest failed.</summary>
    public int FailureExitCode => Status switch
    {
        HttpStatusCode.BadRequest => ExitCodes.BadInput,
        HttpStatusCode.ServiceUnavailable => ExitCodes.Unavailable,
        _ => ExitCodes.Failed,
    };
}
