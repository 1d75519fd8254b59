namespace ClusterActors.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the child's instance and state; continue with its next message.</summary>
    Resume,

    /// <summary>Replace the child's instance with a new one from its Props; its mailbox is kept.</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the child's exception; its own supervisor decides.</summary>
    Escalate,
}
