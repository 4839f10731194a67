using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JorgeCopilot.Channels.Teams;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// Every card kind we emit, built from the real copilot's answers (<see cref="CopilotAnswersFixture"/>): checked against the schema rules we rely on, then parsed and rendered by the official
/// npm <c>adaptivecards</c> renderer in headless chromium; the rendered text is asserted and a screenshot is saved
/// to artifacts/channels-cards/ (or $JORGE_TEST_ARTIFACTS/channels-cards/).
/// </summary>
public sealed partial class AdaptiveCardRenderingTests(CopilotAnswersFixture answers) : IClassFixture<CopilotAnswersFixture>
{
    public static TheoryData<string> Kinds => [.. CopilotAnswersFixture.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Card_follows_the_schema_rules(string kind)
    {
        var card = TeamsAnswerCards.Render(answers[kind].Answer);

        AdaptiveCardSchemaRules.Validate(card).ShouldBeEmpty();
    }

    [Fact]
    public void Schema_rules_catch_what_they_claim_to()
    {
        var card = TeamsAnswerCards.Render(answers["ranked-leads"].Answer);
        card["version"] = "1.6";
        card["body"]![0]!["size"] = "Huge";
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Carousel" });
        ((JsonObject)card["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "Table")!)["rows"]![1]!["cells"]!.AsArray().RemoveAt(0);

        var errors = AdaptiveCardSchemaRules.Validate(card);

        errors.ShouldContain("version must be 1.5");
        errors.ShouldContain(e => e.Contains("'Huge'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("unknown element type 'Carousel'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("row has 5 cells for 6 columns", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Card_renders_in_headless_chromium_with_the_official_renderer(string kind)
    {
        var (answer, expected) = answers[kind];
        var card = TeamsAnswerCards.Render(answer);
        var work = Directory.CreateTempSubdirectory("jorge-card-");
        try
        {
            var page = Path.Combine(work.FullName, "card.html");
            await File.WriteAllTextAsync(page, Page(card), TestContext.Current.CancellationToken);

            var dom = await ChromiumAsync(work.FullName, "--dump-dom", new Uri(page).AbsoluteUri);
            var result = JsonNode.Parse(System.Net.WebUtility.HtmlDecode(ResultBlock().Match(dom).Groups[1].Value))!;
            result["rendered"]!.GetValue<bool>().ShouldBeTrue(dom);
            result["errors"]!.AsArray().Select(e => e!.ToString()).ShouldBeEmpty();
            var text = result["text"]!.GetValue<string>();
            foreach (var fragment in expected)
            {
                text.ShouldContain(fragment);
            }

            var artifacts = ArtifactsDirectory();
            var png = Path.Combine(artifacts, $"{kind}.png");
            File.Delete(png);
            await ChromiumAsync(work.FullName, $"--screenshot={png}", "--window-size=720,900", new Uri(page).AbsoluteUri);
            File.Exists(png).ShouldBeTrue();
            new FileInfo(png).Length.ShouldBeGreaterThan(5_000);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Page(JsonObject card)
    {
        var dist = Path.Combine(ChannelsHarness.Directory, "node_modules", "adaptivecards", "dist");
        var payload = card.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <!doctype html>
            <html><head><meta charset="utf-8">
            <link rel="stylesheet" href="{{new Uri(Path.Combine(dist, "adaptivecards.css")).AbsoluteUri}}">
            <script src="{{new Uri(Path.Combine(dist, "adaptivecards.js")).AbsoluteUri}}"></script>
            <style>body { font-family: sans-serif; width: 680px; margin: 16px; background: #f5f5f5; } #card { background: white; padding: 8px; }</style>
            </head><body><div id="card"></div><pre id="result" style="display:none"></pre>
            <script>
              const out = { rendered: false, errors: [], text: "" };
              try {
                const card = new AdaptiveCards.AdaptiveCard();
                const context = new AdaptiveCards.SerializationContext();
                card.parse({{payload}}, context);
                for (let i = 0; i < context.eventCount; i++) out.errors.push(context.getEventAt(i).message);
                const validation = card.validateProperties();
                for (let i = 0; i < validation.validationEvents.length; i++) out.errors.push(validation.validationEvents[i].message);
                const element = card.render();
                if (element) { document.getElementById("card").appendChild(element); out.rendered = true; out.text = element.innerText; }
              } catch (e) { out.errors.push(String(e)); }
              document.getElementById("result").textContent = JSON.stringify(out);
            </script></body></html>
            """;
    }

    private static async Task<string> ChromiumAsync(string workDirectory, params string[] arguments)
    {
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={Directory.CreateTempSubdirectory("jorge-chromium-").FullName}",
        ];
        var (exit, stdout, stderr) = await ChannelsHarness.RunAsync("chromium", [.. flags, .. arguments], TimeSpan.FromMinutes(1), workDirectory);
        exit.ShouldBe(0, stderr);
        return stdout;
    }

    private static string ArtifactsDirectory()
    {
        var root = Environment.GetEnvironmentVariable("JORGE_TEST_ARTIFACTS")
                   ?? Path.Combine(ChannelsHarness.Directory, "..", "..", "artifacts");
        return Directory.CreateDirectory(Path.Combine(root, "channels-cards")).FullName;
    }

    [GeneratedRegex("<pre id=\"result\"[^>]*>(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultBlock();
}
