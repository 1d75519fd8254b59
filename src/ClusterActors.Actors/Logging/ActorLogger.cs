using Microsoft.Extensions.Logging;

namespace ClusterActors.Actors;

/// <summary>An actor's logger: its class's category, with the actor path as a scope on every entry.</summary>
internal sealed class ActorLogger(ILogger inner, ActorPath path) : ILogger
{
    private readonly string pathText = path.ToString();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        using (inner.BeginScope(new KeyValuePair<string, object>[] { new("ActorPath", pathText) }))
        {
            inner.Log(logLevel, eventId, state, exception, (s, e) => $"[{pathText}] {formatter(s, e)}");
        }
    }
}
