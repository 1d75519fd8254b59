using System.Net.Http.Headers;

namespace ClusterActors.Cli.Management;

/// <summary>Sends one request to a node's management HTTP and returns the reply; failing to reach it throws <see cref="ManagementUnreachableException"/>.</summary>
public static class ManagementHttp
{
    /// <summary>How long clusterctl waits for a node to answer.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Sends <paramref name="method"/> to <paramref name="relativePath"/>, with the form fields or the JSON body (if any) and the endpoint's token (if any).</summary>
    public static async Task<ManagementReply> SendAsync(
        ManagementEndpoint endpoint,
        HttpMethod method,
        string relativePath,
        IReadOnlyDictionary<string, string>? form,
        CancellationToken cancellationToken,
        string? json = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = endpoint.Resolve(relativePath);
        using var http = new HttpClient { Timeout = RequestTimeout };
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        else if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (endpoint.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.Token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ManagementReply(response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            throw new ManagementUnreachableException($"cannot reach the management endpoint at {endpoint.BaseUrl}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ManagementUnreachableException($"the management endpoint at {endpoint.BaseUrl} did not answer within {RequestTimeout.TotalSeconds:0} s", ex);
        }
    }
}
