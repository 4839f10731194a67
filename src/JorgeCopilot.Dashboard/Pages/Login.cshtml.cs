using System.Security.Claims;
using JorgeCopilot.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>Local sign-in (accounts from <c>jorge user add</c>) and, when configured, single sign-on through OpenID Connect.</summary>
[AllowAnonymous]
public sealed class LoginModel(DashboardUserStore users, IOptions<DashboardOptions> options, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public string? OidcName => options.Value.Oidc.Enabled ? options.Value.Oidc.DisplayName : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var check = await users.CheckAsync(UserName, Password, cancellationToken);
        Password = null;
        if (check.Outcome != SignInOutcome.Succeeded)
        {
            // The name is personal data: log only that a sign-in failed and how.
            logger.LogWarning("Dashboard sign-in refused: {Outcome}", check.Outcome);
            Error = check.Outcome == SignInOutcome.LockedOut
                ? $"Too many wrong passwords: this account is locked for {DashboardUserStore.LockoutDuration.TotalMinutes:0} minutes."
                : "Wrong user name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, check.UserName!), new Claim("auth_method", "local")], DashboardAuth.CookieScheme);
        await HttpContext.SignInAsync(DashboardAuth.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(SafeReturnUrl());
    }

    public IActionResult OnPostOidc() => options.Value.Oidc.Enabled
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, DashboardAuth.OidcScheme)
        : NotFound();

    /// <summary>Only a local dashboard path: an attacker's link cannot use the sign-in page to redirect elsewhere.</summary>
    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(DashboardAuth.BasePath, StringComparison.Ordinal)
            ? ReturnUrl : DashboardAuth.BasePath;
}
