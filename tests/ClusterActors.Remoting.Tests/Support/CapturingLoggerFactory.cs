using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Hands the same <see cref="CapturingLogger"/> to every category, so a test sees all of a transport's log lines.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    public CapturingLogger Logger { get; } = new();

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
