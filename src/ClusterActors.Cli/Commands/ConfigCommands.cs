using System.CommandLine;
using ClusterActors.Hocon;
using ClusterActors.Hocon.Layering;

namespace ClusterActors.Cli.Commands;

/// <summary><c>clusterctl config …</c>: work with HOCON configuration files offline.</summary>
public static class ConfigCommands
{
    /// <summary>Builds <c>config</c> with its subcommands.</summary>
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The HOCON file to render." };
        var withReference = new Option<bool>("--with-reference")
        {
            Description = "Layer the file over reference.conf, the environment and --set, exactly as a node loads it.",
        };
        var noEnvironment = new Option<bool>("--no-env")
        {
            Description = "Resolve without environment variables (${?VAR} fallbacks stay unset).",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override one key, as HOCON: --set a.b=1 (repeatable; applied last).",
            DefaultValueFactory = _ => [],
        };

        var render = new Command("render", "Print the fully resolved configuration as JSON (exit 0), or the error with file:line:column on stderr (exit 2).")
        {
            file, withReference, noEnvironment, set,
        };
        render.SetAction(result => Render(
            result.GetValue(file)!, result.GetValue(withReference), result.GetValue(noEnvironment), result.GetValue(set) ?? [], output, errors));

        return new Command("config", "Work with HOCON configuration files.") { render };
    }

    /// <summary>Renders one file; the exit code tells whether it parsed and resolved.</summary>
    internal static int Render(FileInfo file, bool withReference, bool noEnvironment, IReadOnlyList<string> overrides, TextWriter output, TextWriter errors)
    {
        Func<string, string?> environment = noEnvironment ? _ => null : Environment.GetEnvironmentVariable;
        try
        {
            var config = withReference
                ? RuntimeConfiguration.Load(file.FullName, overrides, environment)
                : RuntimeConfiguration.LoadWithoutReference(file.FullName, overrides, environment);
            output.WriteLine(config.ToJson(indented: true));
            return ExitCodes.Ok;
        }
        catch (HoconException ex)
        {
            errors.WriteLine($"clusterctl: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
