using ClusterActors.Cli;

var parsed = ClusterCtl.Create(Console.Out, Console.Error).Parse(args);
var exit = await parsed.InvokeAsync();

// A usage error (unknown command, missing argument) is bad input like a bad file: exit 2, not 1.
return parsed.Errors.Count > 0 ? ExitCodes.BadInput : exit;
