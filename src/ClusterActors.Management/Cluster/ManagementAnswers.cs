using Microsoft.AspNetCore.Http;

namespace ClusterActors.Management.Cluster;

/// <summary>Builds the <c>{"message": "…"}</c> answers of the membership routes.</summary>
internal static class ManagementAnswers
{
    public static IResult Message(int status, string message) =>
        Results.Json(new ManagementMessage(message), ManagementJsonContext.Default.ManagementMessage, statusCode: status);

    public static IResult MemberNotFound(string addressAsWritten) =>
        Message(StatusCodes.Status404NotFound, $"Member [{addressAsWritten}] not found");
}
