using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Keeps every log line so a test can assert what remoting logged.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Event, string Text)> entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Event, string Text)> Entries => [.. entries];

    public IEnumerable<string> Lines(LogLevel atLeast = LogLevel.Trace) =>
        entries.Where(e => e.Level >= atLeast).Select(e => e.Text);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, eventId, formatter(state, exception)));
}
