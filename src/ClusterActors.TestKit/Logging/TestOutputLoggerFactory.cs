using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ClusterActors.TestKit;

/// <summary>Sends log entries to the xunit output of the running test; <paramref name="source"/> (e.g. a multi-node role) prefixes each line.</summary>
public sealed class TestOutputLoggerFactory(ITestOutputHelper output, LogLevel minimumLevel = LogLevel.Information, string? source = null) : ILoggerFactory
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        new TestOutputLogger(output, source is null ? categoryName : $"[{source}] {categoryName}", minimumLevel);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("TestOutputLoggerFactory writes to the xunit output only.");

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(ITestOutputHelper output, string category, LogLevel minimumLevel) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}";
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test already finished (a late log line from an actor); xunit no longer accepts output.
            }
        }
    }
}
