namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Base of tests between two remote actor systems on loopback TCP, alpha and beta, started fresh for each test.</summary>
public abstract class TwoTcpNodes : Xunit.IAsyncLifetime
{
    /// <summary>The first node.</summary>
    protected RemoteActorSystem Alpha { get; private set; } = null!;

    /// <summary>The second node (a test that restarts it sets the new run here, and it is shut down at the end).</summary>
    protected RemoteActorSystem Beta { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Alpha = await TcpNodes.StartAsync("alpha");
        Beta = await TcpNodes.StartAsync("beta");
    }

    public virtual async Task DisposeAsync()
    {
        await Alpha.ShutdownAsync();
        await Beta.ShutdownAsync();
    }
}
