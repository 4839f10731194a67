using JorgeCopilot.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JorgeCopilot.Intelligence;

/// <summary>How every endpoint answers input that breaks <see cref="InputRules"/>: 400, title "Invalid request", errors by parameter.</summary>
public static class InvalidInput
{
    public const string Title = "Invalid request";

    public static ProblemHttpResult Problem(InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.Problem(errors.Summary, statusCode: StatusCodes.Status400BadRequest, title: Title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static ProblemHttpResult Problem(string parameter, string message) => Problem(new InputErrors().Check(parameter, message));
}
