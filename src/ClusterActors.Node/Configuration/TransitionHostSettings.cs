using ClusterActors.Hocon;

namespace ClusterActors.Node.Configuration;

/// <summary>How a node runs its transitions: whether it starts the sample subsystems, and how long a graceful leave may take on shutdown.</summary>
/// <param name="SampleSubsystems">Start the logging stand-ins for the lock manager, virtual disk and shared file system (levels 10, 20, 30).</param>
/// <param name="LeaveTimeout">How long SIGTERM waits for the graceful leave to pass every level on every member before leaving the membership anyway.</param>
public sealed record TransitionHostSettings(bool SampleSubsystems, TimeSpan LeaveTimeout)
{
    /// <summary>Reads <c>clusteractors.transitions.*</c>; a bad value throws naming its key.</summary>
    public static TransitionHostSettings Read(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string prefix = "clusteractors.transitions.";
        var timeout = config.GetDuration(prefix + "leave-timeout");
        if (timeout <= TimeSpan.Zero)
        {
            throw new ConfigurationValueException(prefix + "leave-timeout", $"{timeout} must be positive");
        }

        return new TransitionHostSettings(config.GetBoolean(prefix + "sample-subsystems"), timeout);
    }
}
