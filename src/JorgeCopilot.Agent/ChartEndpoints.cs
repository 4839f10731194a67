using JorgeCopilot.Agent.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Agent;

/// <summary>
/// <c>GET /charts/{token}.png</c>: draws the chart a <see cref="ChartToken"/> carries. Open to anyone on purpose (Teams
/// fetches card images without our credentials); it only draws data the caller already holds.
/// </summary>
public static class ChartEndpoints
{
    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/charts/{token}.png", Results<FileContentHttpResult, ProblemHttpResult> (string token, HttpResponse response) =>
            {
                if (ChartToken.Decode(token) is not { } chart)
                {
                    return TypedResults.Problem("The chart link is malformed or too large.", statusCode: StatusCodes.Status400BadRequest, title: "Bad chart link");
                }

                // The token is the data: the same URL always draws the same image.
                response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return TypedResults.File(ChartImage.Png(chart), "image/png");
            })
            // Teams fetches card images without our credentials; the link carries only the chart's own data.
            .AllowAnonymous()
            .WithName("Chart").WithTags("Charts").WithSummary("A chart image from its link (used by Teams cards)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    /// <summary>The chart's absolute link under the host's public address.</summary>
    public static Uri Link(Uri publicBaseUrl, AnswerChart chart)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri(publicBaseUrl, $"charts/{ChartToken.Encode(chart)}.png");
    }
}
