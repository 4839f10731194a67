using System.Globalization;
using System.Threading.RateLimiting;
using JorgeCopilot.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace JorgeCopilot.Api.Security;

/// <summary>
/// Who may call what. Every endpoint needs an API key with the right scope unless it opts out with
/// <c>AllowAnonymous()</c> (health, the OpenAPI document, and the channel webhooks, which carry their own proof: Bot
/// Framework JWTs, Twilio signatures). Secure by default: an endpoint added later is closed until someone opens it.
/// Each key has its own token bucket (429 with Retry-After), and request bodies are capped.
/// </summary>
public static class ApiSecurity
{
    public static IHostApplicationBuilder AddApiSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiSecurityOptions>()
            .BindConfiguration(ApiSecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ApiScopeRequirementHandler>();
        var apiKeyPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .AddRequirements(new ApiScopeRequirement())
            .Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(apiKeyPolicy)
            .SetFallbackPolicy(apiKeyPolicy);
        services.AddRateLimiter(ConfigureRateLimits);
        services.AddHostedService<LocalApiKeyBootstrap>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiSecurityOptions.HeaderName,
                Description = "An API key from `jorge apikey create --scope read|write|bot`. GET needs read; changes need write; chat and outcomes also accept bot.",
            };
            foreach (var (path, item) in document.Paths.Where(p => p.Key.StartsWith("/api/v1", StringComparison.Ordinal)))
            {
                foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
                }
            }

            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var keyId = http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value;
            if (keyId is null)
            {
                // Anonymous endpoints (health, webhooks) are not metered per key; unauthenticated /api/v1 calls never get here.
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            var o = http.RequestServices.GetRequiredService<IOptions<ApiSecurityOptions>>().Value;
            return RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.Burst,
                TokensPerPeriod = o.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"This API key is over its rate limit; retry after {seconds} s.",
                },
            });
        };
    }
}
