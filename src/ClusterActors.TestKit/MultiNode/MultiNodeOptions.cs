using ClusterActors.Remoting;
using Xunit.Abstractions;

namespace ClusterActors.TestKit;

/// <summary>How a multi-node spec runs: the message types its nodes exchange, where logs go, how long barriers wait.</summary>
public sealed record MultiNodeOptions
{
    /// <summary>Registers the spec's message types on each node's registry (remoting's own are added anyway).</summary>
    public Action<MessageTypeRegistry>? RegisterMessages { get; init; }

    /// <summary>Where the nodes' logs go (each line names its role); none by default.</summary>
    public ITestOutputHelper? Output { get; init; }

    /// <summary>How long a barrier waits for every live role (dilated by the test time factor).</summary>
    public TimeSpan BarrierTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
