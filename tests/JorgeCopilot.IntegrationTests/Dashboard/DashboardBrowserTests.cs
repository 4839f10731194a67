using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace JorgeCopilot.IntegrationTests.Dashboard;

/// <summary>The dashboard in a real browser (chromium via Playwright) against the real host and a seeded store.</summary>
public sealed class DashboardBrowserTests(DashboardBrowserFixture fixture) : IClassFixture<DashboardBrowserFixture>
{
    private static readonly string[] Pages = ["leads", "visit", "model", "market", "revenue", "bots", "insights", "chat"];

    [Fact]
    public async Task An_unauthenticated_visit_is_sent_to_the_login_page()
    {
        var page = await fixture.NewPageAsync(signedIn: false);

        await page.GotoAsync(fixture.BaseUrl + "/dashboard/leads");
        var fromLeads = page.Url;
        await page.GotoAsync(fixture.BaseUrl + "/");

        fromLeads.ShouldStartWith(fixture.BaseUrl + "/dashboard/login?ReturnUrl=%2Fdashboard%2Fleads");
        page.Url.ShouldStartWith(fixture.BaseUrl + "/dashboard/login");
        (await page.Locator("input[name=Password]").CountAsync()).ShouldBe(1);
        await fixture.ScreenshotAsync(page, "login");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_gives_no_session()
    {
        var page = await fixture.NewPageAsync(signedIn: false);
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/login");

        await page.FillAsync("input[name=UserName]", DashboardBrowserFixture.UserName);
        await page.FillAsync("input[name=Password]", "not the password");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form button[type=submit]"), r => r.Request.Method == "POST" && r.Url.Contains("/dashboard/login", StringComparison.Ordinal));

        response.Status.ShouldBe(401);
        (await page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("Wrong user name or password");
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/leads");
        page.Url.ShouldStartWith(fixture.BaseUrl + "/dashboard/login");
    }

    [Fact]
    public async Task Signed_in_the_lead_page_shows_the_APIs_probability_interval_and_band()
    {
        var top = (await fixture.Host.TopLeadsAsync(1)).Leads[0];
        var api = await fixture.ApiScoreAsync(top.LeadId);
        var page = await fixture.NewPageAsync(signedIn: true);

        await page.GotoAsync($"{fixture.BaseUrl}/dashboard/leads/{top.LeadId}");

        (await page.Locator("h1").InnerTextAsync()).ShouldContain(top.Name);
        (await Figure(page, "probability")).ShouldBe(Percent(api, "probabilityPercent"));
        (await Figure(page, "interval")).ShouldBe($"{Percent(api, "lowPercent")}–{Percent(api, "highPercent")}");
        (await Figure(page, "band")).ShouldBe(api.GetProperty("band").GetString());
        (await page.Locator("ul.reasons li").CountAsync()).ShouldBe(api.GetProperty("topReasons").GetArrayLength());
        (await page.Locator(".fresh").InnerTextAsync()).ShouldMatch(@"leads created \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}");
        await fixture.ScreenshotAsync(page, "lead");
    }

    [Fact]
    public async Task Signed_in_every_page_in_the_menu_opens_and_says_how_fresh_its_data_is()
    {
        var page = await fixture.NewPageAsync(signedIn: true);
        var menu = await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        menu.ShouldBe(Pages.Select(p => "/dashboard/" + p).ToArray(), ignoreOrder: true);
        foreach (var name in Pages)
        {
            var response = await page.GotoAsync($"{fixture.BaseUrl}/dashboard/{name}");
            response!.Status.ShouldBe(200, name);
            (await page.Locator(".fresh").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace(name);
            await fixture.ScreenshotAsync(page, "page-" + name);
        }
    }

    [Fact]
    public async Task The_revenue_page_shows_the_APIs_return_by_lead_source()
    {
        var api = (await fixture.ApiGetAsync("/api/v1/business/roi/sources")).GetProperty("bySource").EnumerateArray().ToList();
        var page = await fixture.NewPageAsync(signedIn: true);

        await page.GotoAsync(fixture.BaseUrl + "/dashboard/revenue");
        var rows = page.Locator("#roi table tbody tr");

        api.Count.ShouldBeGreaterThan(0);
        (await rows.CountAsync()).ShouldBe(api.Count);
        (await rows.First.Locator("td").First.InnerTextAsync()).ShouldBe(api[0].GetProperty("source").GetString());
        await fixture.ScreenshotAsync(page, "revenue-roi");
    }

    [Fact]
    public async Task The_leads_list_counts_the_stored_leads_and_search_finds_one_by_name()
    {
        var stored = await fixture.Host.LeadsAsync(0, 1);
        int total;
        await using (var db = fixture.Host.CreateDbContext())
        {
            total = db.Leads.Count();
        }

        var page = await fixture.NewPageAsync(signedIn: true);
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/leads");
        var all = await page.Locator("main p.muted").First.InnerTextAsync();
        await page.FillAsync("input[name=q]", stored[0].Name);
        await page.ClickAsync("form[role=search] button");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));

        all.ShouldStartWith(total.ToString("N0", CultureInfo.InvariantCulture) + " leads match");
        (await page.Locator("#leads tbody a").AllInnerTextsAsync()).ShouldContain(stored[0].Name);
    }

    [Fact]
    public async Task The_chat_panel_answers_with_the_same_agent_and_the_hottest_lead()
    {
        var top = (await fixture.Host.TopLeadsAsync(1)).Leads[0];
        var page = await fixture.NewPageAsync(signedIn: true);
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/chat");

        await page.FillAsync("input[name=Question]", "who are my hottest leads?");
        await page.ClickAsync("form[data-chat] button");
        var answer = page.Locator("#chat-log .msg.bot");
        await answer.WaitForAsync();

        (await answer.InnerTextAsync()).ShouldContain(top.Name);
        page.Url.ShouldBe(fixture.BaseUrl + "/dashboard/chat"); // answered in place by the script, not by a page reload
        await fixture.ScreenshotAsync(page, "chat");
    }

    [Fact]
    public async Task On_a_390_by_844_phone_the_menu_collapses_and_the_visit_view_fits_the_screen()
    {
        var top = (await fixture.Host.TopLeadsAsync(1)).Leads[0];
        var api = await fixture.ApiScoreAsync(top.LeadId);
        var page = await fixture.NewPageAsync(signedIn: true, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });

        await page.GotoAsync($"{fixture.BaseUrl}/dashboard/visit?lead={top.LeadId}");

        (await page.Locator("header nav").IsVisibleAsync()).ShouldBeFalse();
        (await Figure(page, "probability")).ShouldBe(Percent(api, "probabilityPercent"));
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        var toggle = await page.Locator("label.menu").BoundingBoxAsync();
        toggle!.Height.ShouldBeGreaterThanOrEqualTo(44);
        await fixture.ScreenshotAsync(page, "phone-visit");
        await page.ClickAsync("label.menu");
        (await page.Locator("header nav").IsVisibleAsync()).ShouldBeTrue();
        await fixture.ScreenshotAsync(page, "phone-menu");
    }

    [Fact]
    public async Task The_app_installs_as_a_PWA_with_a_manifest_icons_and_a_service_worker_that_caches_only_the_shell()
    {
        var page = await fixture.NewPageAsync(signedIn: true);
        await page.GotoAsync(fixture.BaseUrl + "/dashboard");
        var manifest = await page.EvaluateAsync<JsonElement>("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())");
        // ready never settles when registration fails: give up after 30 s with -1 instead of hanging the run.
        var workers = await page.EvaluateAsync<int>("Promise.race([navigator.serviceWorker.ready.then(() => navigator.serviceWorker.getRegistrations()).then(r => r.length), new Promise(r => setTimeout(() => r(-1), 30000))])");
        var cached = await page.EvaluateAsync<string[]>("caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())))).then(all => all.flat().map(r => new URL(r.url).pathname))");
        var icon = await page.APIRequest.GetAsync(fixture.BaseUrl + "/dashboard/icon-512.png");
        var png = await icon.BodyAsync();

        manifest.GetProperty("start_url").GetString().ShouldBe("/dashboard");
        manifest.GetProperty("display").GetString().ShouldBe("standalone");
        workers.ShouldBe(1);
        cached.ShouldNotBeEmpty();
        cached.ShouldAllBe(path => path.StartsWith("/dashboard/assets/", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal) || path.EndsWith(".webmanifest", StringComparison.Ordinal));
        // PNG header: width and height, big-endian, at bytes 16..23.
        (png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19]).ShouldBe(512);
        (png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23]).ShouldBe(512);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync(signedIn: true);

        await page.ClickAsync("form.signout button");
        await page.WaitForURLAsync(fixture.BaseUrl + "/dashboard/logout");
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/leads");

        page.Url.ShouldStartWith(fixture.BaseUrl + "/dashboard/login");
    }

    private static Task<string> Figure(IPage page, string name) => page.Locator($"[data-figure={name}]").First.InnerTextAsync();

    private static string Percent(JsonElement api, string property) =>
        api.GetProperty(property).GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
