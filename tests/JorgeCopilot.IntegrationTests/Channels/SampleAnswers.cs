using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>One answer of every kind the Teams cards render, shaped like the plugins' results.</summary>
public static class SampleAnswers
{
    public static readonly StructuredAnswer RankedLeads = new("These five leads are most likely to convert this month.")
    {
        Kind = "ranked-leads",
        Table = new AnswerTable(
            ["Lead", "Probability", "Band", "Top reason"],
            [
                ["Ana Garcia", "72%", "hot", "Previous campaign succeeded"],
                ["Bo Chen", "64%", "hot", "Contacted by cellular"],
                ["Carla Diaz", "41%", "warm", "Called in March"],
            ],
            "LeadScoring.rank_leads"),
        Facts = [new AnswerFact("Model version", "lead-scoring v3", "LeadScoring.rank_leads")],
    };

    public static readonly StructuredAnswer LeadScore = new("Ana Garcia is a hot lead.")
    {
        Kind = "lead-score",
        Facts =
        [
            new AnswerFact("Probability", "72%", "LeadScoring.score_lead"),
            new AnswerFact("Interval", "65% to 79%", "LeadScoring.score_lead"),
            new AnswerFact("Band", "hot", "LeadScoring.score_lead"),
            new AnswerFact("Model version", "lead-scoring v3", "LeadScoring.score_lead"),
        ],
        Table = new AnswerTable(["Reason", "Effect"], [["Previous campaign succeeded", "+18 pts"], ["Called in May", "-4 pts"]], "LeadScoring.explain_score"),
    };

    public static readonly StructuredAnswer Explanation = new("Why Ana Garcia scores 72%.")
    {
        Kind = "score-explanation",
        Facts = [new AnswerFact("Probability", "72%", "LeadScoring.explain_score")],
        Table = new AnswerTable(["Reason", "Effect"], [["Previous campaign succeeded", "+18 pts"], ["Employment rate falling", "+6 pts"]], "LeadScoring.explain_score"),
    };

    public static readonly StructuredAnswer PriceRange = new("Parcel 7129300520 is worth about $512,000.")
    {
        Kind = "price-range",
        Facts =
        [
            new AnswerFact("Low (80%)", "$468,000", "Pricing.estimate_value"),
            new AnswerFact("Estimate", "$512,000", "Pricing.estimate_value"),
            new AnswerFact("High (80%)", "$559,000", "Pricing.estimate_value"),
            new AnswerFact("Comparables", "8", "Pricing.estimate_value"),
        ],
    };

    public static readonly StructuredAnswer Forecast = new("Seattle home values are expected to rise slightly.")
    {
        Kind = "market-trends",
        Chart = new AnswerChart(
            "Seattle, WA home value forecast",
            ["2026-01", "2026-02", "2026-03"],
            new Dictionary<string, IReadOnlyList<double>> { ["ZHVI"] = [842100, 845300, 849900] },
            "Pricing.market_trends")
        {
            Lower = [830000, 828000, 826500],
            Upper = [854000, 862000, 871000],
        },
        Facts = [new AnswerFact("Method", "ETS, chosen by backtest", "Pricing.market_trends")],
    };

    public static readonly StructuredAnswer FollowUps = new("Here are follow-up drafts for your top leads.")
    {
        Kind = "text",
        Actions = [new SuggestedAction("Send to Ana", "send the first draft to Ana Garcia")],
    };

    public static readonly StructuredAnswer PlainText = new("I can rank your leads, score one, price a home or forecast the market.");

    public static IEnumerable<(string Name, StructuredAnswer Answer, string[] Expected)> AllKinds() =>
    [
        ("ranked-leads", RankedLeads, ["Hottest leads", "Ana Garcia", "72%", "Previous campaign succeeded", "Draft follow-ups"]),
        ("lead-score", LeadScore, ["Lead score", "Probability", "72%", "65% to 79%", "Previous campaign succeeded", "Explain"]),
        ("score-explanation", Explanation, ["Why this score", "+18 pts", "Employment rate falling"]),
        ("price-range", PriceRange, ["Price range", "$512,000", "$468,000", "$559,000", "Comparables"]),
        ("market-trends", Forecast, ["Seattle, WA home value forecast", "2026-03", "849,900", "871,000", "ETS, chosen by backtest"]),
        ("text", PlainText, ["I can rank your leads"]),
    ];
}
