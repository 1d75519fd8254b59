using ClusterActors.Node;

return await NodeCommandLine.Create().Parse(args).InvokeAsync(NodeCommandLine.Invocation);
