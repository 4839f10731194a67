using System.Security.Claims;
using System.Text.Encodings.Web;
using JorgeCopilot.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the stored key hashes. Unauthenticated and forbidden calls get
/// problem details that say what to send, never which keys exist.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Claim holding the key's id (the rate-limit partition and the audit trail).</summary>
    public const string KeyIdClaim = "api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiSecurityOptions.HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.VerifyAsync(values[0], Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var claims = new List<Claim>
        {
            new(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = Request.Headers.ContainsKey(ApiSecurityOptions.HeaderName);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiSecurityOptions.HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "API key required",
                Detail = failed
                    ? "The API key is not valid (unknown or revoked)."
                    : $"Send an API key in the {ApiSecurityOptions.HeaderName} header; create one with `jorge apikey create --scope read`.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var granted = string.Join(", ", Context.User.FindAll(ApiScopes.ClaimType).Select(c => c.Value));
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Scope not allowed",
                Detail = $"This API key's scopes ({granted}) do not allow {Request.Method} {Request.Path}; it needs {string.Join(" or ", ApiScopeRequirementHandler.Accepted(Context))}.",
            },
        });
    }
}
