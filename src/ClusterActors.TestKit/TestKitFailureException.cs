using Xunit.Sdk;

namespace ClusterActors.TestKit;

/// <summary>A test kit expectation failed; the message says what was expected, what arrived instead, and after how long.</summary>
public sealed class TestKitFailureException : XunitException
{
    /// <summary>Creates the exception.</summary>
    public TestKitFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TestKitFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
