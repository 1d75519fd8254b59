using System.CommandLine;
using System.Text.Json;
using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.Commands;

/// <summary><c>clusterctl members | join | leave | down</c>: read and change the membership through a node's management HTTP.</summary>
public static class MembersCommands
{
    private const string MembersPath = "cluster/members";

    /// <summary>Builds the four commands; <paramref name="environment"/> supplies the URL and token fallbacks.</summary>
    public static IReadOnlyList<Command> Create(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(environment);
        return
        [
            Members(output, errors, environment),
            Change("join", "Ask the node at --url to join the cluster that ADDRESS belongs to (POST /cluster/members).", HttpMethod.Post, null, output, errors, environment),
            Change("leave", "Ask the member at ADDRESS to leave the cluster (PUT /cluster/members/ADDRESS, operation=Leave).", HttpMethod.Put, "Leave", output, errors, environment),
            Change("down", "Mark the member at ADDRESS as failed; the others reconfigure without it (PUT /cluster/members/ADDRESS, operation=Down).", HttpMethod.Put, "Down", output, errors, environment),
        ];
    }

    private static Command Members(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var url = ManagementOptions.Url();
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer as received." };
        var command = new Command("members", "List the cluster members as the node at --url sees them, with epoch, crown prince and quorum.") { url, json };
        command.SetAction(async (result, cancellation) =>
        {
            if (!ManagementEndpoint.TryResolve(result.GetValue(url), null, environment, out var endpoint, out var error))
            {
                return ManagementCall.Fail(errors, error, ExitCodes.BadInput);
            }

            return await ManagementCall.SendAsync(endpoint, HttpMethod.Get, MembersPath, null, errors, reply =>
            {
                if (result.GetValue(json))
                {
                    output.WriteLine(reply.Body);
                    return ExitCodes.Ok;
                }

                MembersView? view;
                try
                {
                    view = JsonSerializer.Deserialize(reply.Body, ClusterCtlJsonContext.Default.MembersView);
                }
                catch (JsonException ex)
                {
                    return ManagementCall.Fail(errors, $"{endpoint.Resolve(MembersPath)} answered JSON that is not a member list: {ex.Message}", ExitCodes.Failed);
                }

                if (view is null)
                {
                    return ManagementCall.Fail(errors, $"{endpoint.Resolve(MembersPath)} answered null instead of a member list", ExitCodes.Failed);
                }

                MembersTable.Write(view, output);
                return ExitCodes.Ok;
            }, cancellation);
        });
        return command;
    }

    private static Command Change(string name, string description, HttpMethod method, string? operation, TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The member: ca.tcp://system@host:port or system@host:port." };
        var url = ManagementOptions.Url();
        var token = ManagementOptions.Token();
        var command = new Command(name, description) { address, url, token };
        command.SetAction(async (result, cancellation) =>
        {
            if (!ManagementEndpoint.TryResolve(result.GetValue(url), result.GetValue(token), environment, out var endpoint, out var error))
            {
                return ManagementCall.Fail(errors, error, ExitCodes.BadInput);
            }

            var target = result.GetValue(address)!;
            var (path, form) = operation is null
                ? (MembersPath, new Dictionary<string, string> { ["address"] = target })
                : ($"{MembersPath}/{Uri.EscapeDataString(target)}", new Dictionary<string, string> { ["operation"] = operation });
            return await ManagementCall.SendAsync(endpoint, method, path, form, errors, reply =>
            {
                output.WriteLine(reply.Message);
                return ExitCodes.Ok;
            }, cancellation);
        });
        return command;
    }
}
