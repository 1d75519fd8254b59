namespace ClusterActors.Cli.LocalCluster;

/// <summary>One node of a <see cref="LocalClusterLayout"/>: its id, ports, address, directories and configuration file.</summary>
/// <param name="Index">1 for node-1.</param>
/// <param name="NodeId">Its <c>clusteractors.node.node-id</c> ("node-1").</param>
/// <param name="Ports">Its cluster transport and management ports.</param>
/// <param name="Address">Its cluster address, as seed lists and <c>GET /cluster/members</c> name it (<c>ca.tcp://clusteractors@127.0.0.1:2552</c>).</param>
/// <param name="ManagementUrl">Its management HTTP base URL.</param>
/// <param name="DataDirectory">Its <c>clusteractors.node.data-dir</c> (absolute).</param>
/// <param name="ConfigFile">The HOCON file it is started with (absolute).</param>
public sealed record LocalNode(int Index, string NodeId, NodePorts Ports, string Address, Uri ManagementUrl, string DataDirectory, string ConfigFile);
