using System.CommandLine;
using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.LocalCluster;

/// <summary><c>clusterctl local-cluster</c>: run an N-node cluster on this machine for trying things out.</summary>
public static class LocalClusterCommand
{
    /// <summary>Builds the command; output and errors go to the given writers, token and secret fallbacks come from <paramref name="environment"/>.</summary>
    public static Command Create(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var nodes = new Option<int>("--nodes") { Description = "How many nodes.", DefaultValueFactory = _ => 3 };
        var basePort = new Option<int>("--base-port") { Description = "Cluster transport port of node-1; node-i gets base+i-1.", DefaultValueFactory = _ => 2552 };
        var httpBasePort = new Option<int>("--http-base-port") { Description = "Management HTTP port of node-1; node-i gets base+i-1.", DefaultValueFactory = _ => 8558 };
        var directory = new Option<string>("--dir")
        {
            Description = "Where the node files (node-i.conf), data directories (node-i/) and the shared quorum-device file go.",
            DefaultValueFactory = _ => Path.Combine(".", "data", "local-cluster"),
        };
        var token = new Option<string>("--token")
        {
            Description = $"Management bearer token for every node (default: ${ManagementEndpoint.TokenVariable}, else a fresh random one, printed once the cluster forms).",
        };
        var secret = new Option<string>("--secret")
        {
            Description = "Cluster secret shared by the nodes (default: $CLUSTERACTORS_CLUSTER_SECRET, else a fresh random one).",
        };
        var node = new Option<string>("--node") { Description = $"The node program to run with dotnet (default: the {NodeProgram.FileName} beside clusterctl)." };
        var formTimeout = new Option<int>("--form-timeout")
        {
            Description = "Seconds the nodes get to agree on one membership before clusterctl gives up and stops them.",
            DefaultValueFactory = _ => 60,
        };

        var command = new Command("local-cluster", "Run a cluster of N nodes on this machine (loopback ports, one shared secret and token) until Ctrl-C.")
        {
            nodes, basePort, httpBasePort, directory, token, secret, node, formTimeout,
        };
        command.SetAction(result =>
        {
            var seconds = result.GetValue(formTimeout);
            if (seconds < 1)
            {
                errors.WriteLine($"clusterctl: local-cluster: --form-timeout must be at least 1 second, not {seconds}");
                return ExitCodes.BadInput;
            }

            return LocalClusterRun.Run(
                new LocalClusterRequest(
                    result.GetValue(nodes),
                    result.GetValue(basePort),
                    result.GetValue(httpBasePort),
                    result.GetValue(directory)!,
                    result.GetValue(token),
                    result.GetValue(secret),
                    result.GetValue(node),
                    TimeSpan.FromSeconds(seconds)),
                output,
                errors,
                environment);
        });
        return command;
    }
}
