using System.CommandLine;
using System.Text.Json;
using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.Commands;

/// <summary><c>clusterctl distress KIND</c>: make the node at --url send its distress signal (POST /node/distress), for operators and tests.</summary>
public static class DistressCommands
{
    private const string DistressPath = "node/distress";

    /// <summary>Builds the command; <paramref name="environment"/> supplies the URL and token fallbacks.</summary>
    public static Command Create(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(environment);

        var kind = new Argument<string>("KIND")
        {
            Description = "The failure kind: power-loss (async), hardware, network-down, unhandled-exception, imminent-crash (sync); clusteractors.distress.failure-kinds decides, and an unknown kind is sent synchronously.",
        };
        var reason = new Option<string>("--reason") { Description = "Why, for the members' logs (default: operator request)." };
        var url = ManagementOptions.Url();
        var token = ManagementOptions.Token();
        var command = new Command("distress", "Make the node at --url send its distress signal: the members fail over at once, and the node gives up every role and goes offline.") { kind, reason, url, token };
        command.SetAction(async (result, cancellation) =>
        {
            if (!ManagementEndpoint.TryResolve(result.GetValue(url), result.GetValue(token), environment, out var endpoint, out var error))
            {
                return ManagementCall.Fail(errors, error, ExitCodes.BadInput);
            }

            var body = Body(result.GetValue(kind)!, result.GetValue(reason) ?? "operator request");
            return await ManagementCall.SendAsync(endpoint, HttpMethod.Post, DistressPath, null, errors, reply =>
            {
                output.WriteLine(reply.Message);
                return ExitCodes.Ok;
            }, cancellation, body);
        });
        return command;
    }

    private static string Body(string kind, string reason)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
