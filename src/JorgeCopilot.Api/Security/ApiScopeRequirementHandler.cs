using JorgeCopilot.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace JorgeCopilot.Api.Security;

/// <summary>The key's scopes must allow the endpoint: its <see cref="RequiresApiScopeAttribute"/>, else read for GET and write for the rest.</summary>
public sealed class ApiScopeRequirement : IAuthorizationRequirement;

public sealed class ApiScopeRequirementHandler : AuthorizationHandler<ApiScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is HttpContext http && context.User.Identity?.IsAuthenticated == true
            && ApiScopes.Allows(context.User.FindAll(ApiScopes.ClaimType).Select(c => c.Value), Accepted(http)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    internal static IReadOnlyList<string> Accepted(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiresApiScopeAttribute>() is { } declared)
        {
            return declared.Scopes;
        }

        return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? [ApiScopes.Read] : [ApiScopes.Write];
    }
}
