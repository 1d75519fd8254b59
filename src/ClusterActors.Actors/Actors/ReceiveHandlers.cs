namespace ClusterActors.Actors;

/// <summary>One entry of a <see cref="ReceiveActor"/> behavior: a type test plus the handler.</summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message);
}

/// <summary>Handles messages of type <typeparamref name="T"/> that pass the optional predicate.</summary>
internal sealed class ActionHandler<T>(Action<T> action, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            action(typed);
            return true;
        }

        return false;
    }
}

/// <summary>Offers messages of type <typeparamref name="T"/> to a handler that says whether it handled them.</summary>
internal sealed class FuncHandler<T>(Func<T, bool> handler) : ReceiveHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}

/// <summary>Handles messages of type <typeparamref name="T"/> asynchronously; the actor takes no other message until the task completes.</summary>
internal sealed class AsyncHandler<T>(ActorCell cell, Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            cell.RunAsyncHandler(handler, typed);
            return true;
        }

        return false;
    }
}

/// <summary>Handles every message.</summary>
internal sealed class AnyHandler(Action<object> action) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        action(message);
        return true;
    }
}
