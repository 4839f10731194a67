namespace JorgeCopilot.Dashboard;

/// <summary>The dashboard's own authentication: a cookie scheme (and OpenID Connect when configured), separate from the API-key scheme of /api/v1.</summary>
public static class DashboardAuth
{
    public const string CookieScheme = "Dashboard";
    public const string OidcScheme = "DashboardOidc";
    public const string Policy = "Dashboard";
    public const string BasePath = "/dashboard";
    public const string LoginPath = BasePath + "/login";
}
