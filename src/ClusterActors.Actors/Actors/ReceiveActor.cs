namespace ClusterActors.Actors;

/// <summary>An actor whose behavior is a list of typed handlers registered in the constructor (or in <see cref="Become"/>); the first match handles a message.</summary>
public abstract class ReceiveActor : ActorBase
{
    private ReceiveHandler[] behavior = [];
    private List<ReceiveHandler>? configuring = [];
    private Stack<ReceiveHandler[]>? stacked;

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<T>(handler, null));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T> shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true (Akka.NET's argument order).</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Receive(handler, shouldHandle);

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns whether it handled them.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new FuncHandler<T>(handler));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously: no other message is processed until the task completes; Self, Sender and Context stay valid across awaits; a fault goes to supervision.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(Cell, handler, shouldHandle));
    }

    /// <summary>Handles every message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AnyHandler(handler));
    }

    /// <summary>Replaces the current behavior with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => behavior = Build(configure);

    /// <summary>Pushes a new behavior; <see cref="UnbecomeStacked"/> returns to the current one.</summary>
    protected void BecomeStacked(Action configure)
    {
        var next = Build(configure);
        (stacked ??= new Stack<ReceiveHandler[]>()).Push(behavior);
        behavior = next;
    }

    /// <summary>Returns to the behavior below the current one; does nothing when none is stacked.</summary>
    protected void UnbecomeStacked()
    {
        if (stacked is { Count: > 0 })
        {
            behavior = stacked.Pop();
        }
    }

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        var handlers = behavior;
        for (var i = 0; i < handlers.Length; i++)
        {
            if (handlers[i].TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }

    internal override void OnConstructed()
    {
        if (configuring is not null)
        {
            behavior = [.. configuring];
            configuring = null;
        }
    }

    private ReceiveHandler[] Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var outer = configuring;
        var handlers = new List<ReceiveHandler>();
        configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            configuring = outer;
        }

        return [.. handlers];
    }

    private void Add(ReceiveHandler handler)
    {
        if (configuring is null)
        {
            throw new InvalidOperationException($"{GetType().Name}: Receive handlers can only be registered in the constructor or inside Become/BecomeStacked.");
        }

        configuring.Add(handler);
    }
}
