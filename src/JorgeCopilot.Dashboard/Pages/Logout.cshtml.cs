using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>Sign-out is a POST with an antiforgery token (a GET link would let any page sign the user out).</summary>
[AllowAnonymous]
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DashboardAuth.CookieScheme);
        return RedirectToPage();
    }
}
