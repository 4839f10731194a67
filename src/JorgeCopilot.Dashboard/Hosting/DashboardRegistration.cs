using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Dashboard.Presentation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JorgeCopilot.Dashboard.Hosting;

/// <summary>Adds the dashboard (server-rendered Razor Pages under <c>/dashboard</c>) to the host with one call each.</summary>
public static class DashboardRegistration
{
    public static IHostApplicationBuilder AddJorgeDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = builder.Configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName);
        services.AddRazorPages(o => o.RootDirectory = "/Pages");
        services.AddSingleton<DashboardUserStore>();
        services.AddSingleton<DataFreshness>();
        services.AddHostedService<FirstUserHint>();

        // Secure cookies: always HTTPS-only, except in Development where `dotnet run` serves http://localhost
        // (SameAsRequest: still secure whenever the request came over HTTPS). Behind a TLS-terminating proxy the
        // browser sees HTTPS, so Always is right there too.
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        var auth = services.AddAuthentication().AddCookie(DashboardAuth.CookieScheme, o =>
        {
            o.Cookie.Name = "jorge.dashboard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = DashboardAuth.BasePath;
            o.LoginPath = DashboardAuth.LoginPath;
            o.LogoutPath = DashboardAuth.BasePath + "/logout";
            o.AccessDeniedPath = DashboardAuth.LoginPath;
            o.ExpireTimeSpan = options.SessionLifetime;
            o.SlidingExpiration = true;
        });
        if (options.Oidc.Enabled)
        {
            auth.AddOpenIdConnect(DashboardAuth.OidcScheme, options.Oidc.DisplayName, o =>
            {
                o.Authority = options.Oidc.Authority;
                o.ClientId = options.Oidc.ClientId;
                o.ClientSecret = options.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = DashboardAuth.CookieScheme;
                o.CallbackPath = DashboardAuth.BasePath + "/signin-oidc";
                o.SignedOutCallbackPath = DashboardAuth.BasePath + "/signout-callback-oidc";
                o.Scope.Add("profile");
                o.SaveTokens = false;
                o.CorrelationCookie.SecurePolicy = secure;
                o.NonceCookie.SecurePolicy = secure;
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(DashboardAuth.Policy, p => p
            .AddAuthenticationSchemes(DashboardAuth.CookieScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapJorgeDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var entry in new[] { "/", "/index.html" })
        {
            app.MapGet(entry, () => TypedResults.Redirect(DashboardAuth.BasePath)).AllowAnonymous().ExcludeFromDescription();
        }

        app.MapRazorPages().RequireAuthorization(DashboardAuth.Policy);
        DashboardAssets.Map(app);
        return app;
    }
}
