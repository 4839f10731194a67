using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace JorgeCopilot.Api.Hosting;

/// <summary>
/// Turns exceptions into problem details: request-shaped failures (binding, malformed JSON) into 400 with their reason,
/// everything else into a 500 that names no internals (the trace id links it to the logged exception).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);

        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            logger.LogInformation("Rejected {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, badRequest.Message);
            var (parameter, message) = PublicErrorText.FromBindingFailure(badRequest.Message);
            problem = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status400BadRequest ? "Invalid request" : "The request is not valid.",
                Detail = message,
            };
            if (parameter is not null)
            {
                // The same shape as every other invalid input: errors keyed by the parameter's name.
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [message] };
            }
        }
        else
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; quote the traceId when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
