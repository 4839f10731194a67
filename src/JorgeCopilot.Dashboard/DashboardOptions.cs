namespace JorgeCopilot.Dashboard;

/// <summary>Dashboard sign-in settings (section <c>Dashboard</c>). Local accounts always work; OpenID Connect is added when <see cref="Oidc"/> names an authority.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public DashboardOidcOptions Oidc { get; set; } = new();

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The <c>report.json</c> of the latest <c>jorge eval</c> run shown on the model page (default: artifacts/eval/report.json, where CI writes it).</summary>
    public string EvalReport { get; set; } = Path.Combine("artifacts", "eval", "report.json");
}

/// <summary>OpenID Connect (authorization code flow) for the dashboard; e.g. Microsoft Entra ID, Keycloak, Auth0.</summary>
public sealed class DashboardOidcOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>. Empty: OpenID Connect is off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From an environment variable or user-secrets, never appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The button text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
