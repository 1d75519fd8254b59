using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Published on the actor system's event stream when an authenticated peer announced its own failure (SPEC S6): treat it as failed, not partitioned.</summary>
/// <param name="From">The address of the failing node.</param>
/// <param name="NodeId">Its node id.</param>
/// <param name="Incarnation">The run of it that is failing.</param>
/// <param name="Kind">The kind of failure it named (e.g. <c>power-loss</c>), possibly cut to <see cref="DistressFrame.KindCapacity"/> bytes.</param>
/// <param name="Reason">Its reason text, possibly cut to <see cref="DistressFrame.ReasonCapacity"/> bytes.</param>
public sealed record DistressReceived(Address From, string NodeId, long Incarnation, string Kind, string Reason);
