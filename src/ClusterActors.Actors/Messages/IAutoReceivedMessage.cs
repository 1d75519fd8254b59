namespace ClusterActors.Actors;

/// <summary>Marks messages the actor cell handles itself before (or instead of) the actor's behavior.</summary>
internal interface IAutoReceivedMessage;
