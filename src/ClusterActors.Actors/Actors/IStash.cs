namespace ClusterActors.Actors;

/// <summary>Puts messages aside to process them later, in the order they arrived.</summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed (once per message).</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the head of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back at the head of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Drops the stash and returns its messages (nothing is delivered).</summary>
    IReadOnlyList<object> ClearStash();
}
