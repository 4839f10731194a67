using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// One real answer of every kind the Teams cards lay out, asked of the host's real copilot on a copy of the trained
/// <see cref="CopilotWorkspace"/>, with the fragments its rendered card must show (taken from the store's ranking).
/// The price range is the one kind the workspace cannot answer (it holds no pricing model), so it stays a sample.
/// </summary>
public sealed class CopilotAnswersFixture : IAsyncLifetime
{
    public static readonly string[] Kinds = ["ranked-leads", "lead-score", "score-explanation", "market-trends", "greeting", "price-range", "days-to-sell", "property-list"];

    private readonly Dictionary<string, (StructuredAnswer Answer, string[] Expected)> _answers = [];

    public (StructuredAnswer Answer, string[] Expected) this[string kind] => _answers[kind];

    public async ValueTask InitializeAsync()
    {
        await using var host = await ChannelsHost.StartAsync();
        var top = (await host.TopLeadsAsync(5)).Leads;
        var version = (await CopilotWorkspace.ChampionVersionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task<StructuredAnswer> AskAsync(string conversation, string text, string kind)
        {
            var reply = await host.Copilot.AskAsync(new CopilotRequest(conversation, text, "msteams"), CancellationToken.None);
            reply.Answer.Kind.ShouldBe(kind, reply.Answer.Text);
            return reply.Answer;
        }

        _answers["ranked-leads"] = (await AskAsync("cards", "who are my hottest leads?", "ranked-leads"),
            ["Hottest leads", top[0].Name, top[4].Name, $"{top[0].LeadId}", "Model version", version, "Why is the first hot?"]);
        _answers["lead-score"] = (await AskAsync("cards", "score the first one", "lead-score"), ["Lead score", top[0].Name, "Probability %", "Band", "Top reasons"]);
        _answers["score-explanation"] = (await AskAsync("cards-2", $"why is lead {top[1].LeadId} hot?", "score-explanation"),
            ["Why this score", top[1].Name, "Reasons", "pts"]);
        await using (var db = host.CreateDbContext())
        {
            var latest = await db.MarketSeries.Where(p => p.Region == CopilotWorkspace.Region).MaxAsync(p => p.Month);
            _answers["market-trends"] = (await AskAsync("cards-3", "how's the seattle market?", "market-trends"),
                [CopilotWorkspace.Region, "ZHVI", latest.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        _answers["greeting"] = (await AskAsync("cards-4", "hello", "greeting"), ["Rank your hottest leads"]);
        foreach (var (kind, sample) in SampleAnswers.Pricing)
        {
            _answers[kind] = sample;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
