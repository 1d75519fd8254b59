using ClusterActors.Actors;

namespace ClusterActors.TestKit;

/// <summary>Where a role's node lives: its address and the run (incarnation) that the spec started.</summary>
public sealed record RoleNode(RoleName Role, Address Address, long Incarnation);
