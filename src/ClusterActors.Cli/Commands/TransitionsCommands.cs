using System.CommandLine;
using System.Text.Json;
using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.Commands;

/// <summary><c>clusterctl transitions</c>: the ordered transitions (levels, every node's state) through a node's management HTTP.</summary>
public static class TransitionsCommands
{
    private const string TransitionsPath = "cluster/transitions";

    /// <summary>Builds the command; <paramref name="environment"/> supplies the URL fallback.</summary>
    public static Command Create(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(environment);

        var url = ManagementOptions.Url();
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer as received." };
        var command = new Command("transitions", "Show the levels and every node's transition state as the sequencer (or the node at --url) sees them.") { url, json };
        command.SetAction(async (result, cancellation) =>
        {
            if (!ManagementEndpoint.TryResolve(result.GetValue(url), null, environment, out var endpoint, out var error))
            {
                return ManagementCall.Fail(errors, error, ExitCodes.BadInput);
            }

            return await ManagementCall.SendAsync(endpoint, HttpMethod.Get, TransitionsPath, null, errors, reply =>
            {
                if (result.GetValue(json))
                {
                    output.WriteLine(reply.Body);
                    return ExitCodes.Ok;
                }

                TransitionsView? view;
                try
                {
                    view = JsonSerializer.Deserialize(reply.Body, TransitionsJsonContext.Default.TransitionsView);
                }
                catch (JsonException ex)
                {
                    return ManagementCall.Fail(errors, $"{endpoint.Resolve(TransitionsPath)} answered JSON that is not a transitions view: {ex.Message}", ExitCodes.Failed);
                }

                if (view is null)
                {
                    return ManagementCall.Fail(errors, $"{endpoint.Resolve(TransitionsPath)} answered null instead of a transitions view", ExitCodes.Failed);
                }

                TransitionsTable.Write(view, output);
                return ExitCodes.Ok;
            }, cancellation);
        });
        return command;
    }
}
