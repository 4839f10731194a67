using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Api.Security;
using JorgeCopilot.Core.Security;
using JorgeCopilot.IntegrationTests.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JorgeCopilot.IntegrationTests.Dashboard;

/// <summary>
/// One seeded host for every browser test: the real host on a real Kestrel loopback port (a browser cannot reach
/// TestServer) over a copy of the trained workspace (bank-marketing leads and a champion scoring model, Seattle market
/// series), a dashboard account created the way <c>jorge user add</c> does, and Debian's chromium driven by Playwright.
/// </summary>
public sealed class DashboardBrowserFixture : IAsyncLifetime
{
    public const string UserName = "jorge";
    public const string Password = "a long test password";
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ChannelsHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => Host.BaseUrl;

    /// <summary>artifacts/screenshots at the repository root (CI keeps artifacts/).</summary>
    public string Screenshots { get; } = ScreenshotFolder();

    public async ValueTask InitializeAsync()
    {
        Host = await ChannelsHost.StartAsync();
        var added = await Host.Services.GetRequiredService<DashboardUserStore>().AddAsync(UserName, Password, replace: false, CancellationToken.None);
        added.Outcome.ShouldBe(DashboardUserOutcome.Created);
        _playwright = await Playwright.CreateAsync();
        // Root in CI and containers: chromium's sandbox needs a non-root user, so it is turned off for the test browser only.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser context (its own cookies), optionally signed in.</summary>
    public async Task<IPage> NewPageAsync(bool signedIn, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync(BaseUrl + "/dashboard/login");
            await page.FillAsync("input[name=UserName]", UserName);
            await page.FillAsync("input[name=Password]", Password);
            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form button[type=submit]"),
                r => r.Request.Method == "POST" && r.Url.StartsWith(BaseUrl + "/dashboard/login", StringComparison.Ordinal));
            if (response.Status != 302)
            {
                throw new InvalidOperationException($"Sign-in answered {response.Status}: {await response.TextAsync()}");
            }

            await page.WaitForURLAsync(BaseUrl + "/dashboard");
        }

        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>The lead's score as the REST API gives it (<c>GET /api/v1/leads/{id}/score</c>).</summary>
    public Task<JsonElement> ApiScoreAsync(long leadId) => ApiGetAsync($"/api/v1/leads/{leadId}/score");

    /// <summary>What the REST API answers for a path, with the host's read key.</summary>
    public async Task<JsonElement> ApiGetAsync(string path)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, Host.ApiKey);
        return await http.GetFromJsonAsync<JsonElement>(BaseUrl + path);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    private static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "JorgeCopilot.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
