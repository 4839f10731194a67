using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Api.Security;

/// <summary>
/// Caps request bodies: the endpoint's own <see cref="IRequestSizeLimitMetadata"/> (uploads) or
/// <see cref="ApiSecurityOptions.MaxRequestBodyBytes"/>. A declared Content-Length over the limit is refused at once with
/// 413 problem details; a chunked body is cut off by the server when it passes the limit.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<ApiSecurityOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"This endpoint accepts bodies up to {limit} bytes.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
