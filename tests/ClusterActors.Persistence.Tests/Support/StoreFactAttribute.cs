using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClusterActors.Persistence.Tests.Support;

/// <summary>
/// A fact of the shared store suite. It runs in every derived test class, except that a class marked
/// <see cref="RequiresPostgresAttribute"/> skips it, with the reason, when no server is configured.
/// </summary>
/// <remarks>A plain <c>Skip</c> cannot do this: it is fixed per method, and the suite's methods are shared by all stores.</remarks>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("ClusterActors.Persistence.Tests.Support.StoreFactDiscoverer", "ClusterActors.Persistence.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class whose store facts need the PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts, turning them into skipped cases for a PostgreSQL class without a server.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private static int s_reported;
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && TestPostgres.SkipReason is { } reason)
        {
            if (Interlocked.Exchange(ref s_reported, 1) == 0)
            {
                _sink.OnMessage(new DiagnosticMessage($"PostgreSQL tests skipped: {reason}"));
            }

            return
            [
                new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
