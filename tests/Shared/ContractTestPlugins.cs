using System.ComponentModel;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Routing;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Tests.Shared;

// Stand-ins for the LeadScoring, Pricing and Market plugins, for agent tests that need no store or trained model.
// Their names, parameters and declared presentation must equal the real plugins' (ContractTestPluginShapeTests checks
// it), so the planner sees exactly the tools it sees in production. Results are deterministic functions of the inputs so
// the tests can check that the planner passed the right arguments and that answers only repeat what a tool returned.

public sealed class LeadScoringTestPlugin
{
    public static readonly (long Id, string Name)[] Leads =
    [
        (12, "Ana Garcia"), (40, "Luis Garcia"), (7, "Maya Chen"), (19, "Omar Haddad"), (23, "Grace Okafor"),
        (31, "Priya Patel"), (55, "Tom Becker"), (61, "Sofia Rossi"), (88, "Daniel Kim"), (102, "Hannah Schmidt"), (303, "Lily Ramirez"),
    ];

    public static string InjectedNote { get; set; } = "";

    [KernelFunction("rank_leads"), Description("Ranks the hottest leads by conversion probability.")]
    [Answer("ranked-leads", Title = "Hottest leads", ItemFunction = "score_lead")]
    [FollowUp("Why is the first hot?", "explain the first one")]
    [FollowUp("Score the first", "score the first one")]
    public IReadOnlyList<RankedLead> RankLeads([Description("How many leads to return.")] int limit = 5) =>
        Leads.OrderByDescending(l => Probability(l.Id)).Take(Math.Clamp(limit, 1, Leads.Length))
            .Select(l => new RankedLead(l.Id, l.Name, Probability(l.Id), Band(Probability(l.Id)), "opened the last three emails" + InjectedNote, "lead-scoring-test"))
            .ToList();

    [KernelFunction("score_lead"), Description("Scores one lead's chance to convert.")]
    [Answer("lead-score", Title = "Lead score", HeadlineFigures = 3)]
    [FollowUp("Why?", "explain that score")]
    public object ScoreLead([Description("The lead id.")] long leadId) =>
        Leads.Any(l => l.Id == leadId)
            ? new LeadScore(leadId, Leads.First(l => l.Id == leadId).Name, Probability(leadId), Probability(leadId) - 6.5, Probability(leadId) + 5.5, Band(Probability(leadId)), ["previous campaign succeeded", "contacted by cellular"], "lead-scoring-test")
            : new ToolMessage($"No lead with id {leadId}.");

    [KernelFunction("explain_score"), Description("Explains a lead's score as signed contributions in points.")]
    [Answer("score-explanation", Title = "Why this score", HeadlineFigures = 3, TableTitle = "Reasons")]
    public object ExplainScore([Description("The lead id.")] long leadId) =>
        Leads.Any(l => l.Id == leadId)
            ? new ScoreExplanation(leadId, Probability(leadId), [new Contribution("previous outcome: success", 12.4), new Contribution("contact: cellular", 3.1), new Contribution("month: may", -4.2)])
            : new ToolMessage($"No lead with id {leadId}.");

    private static double Probability(long id) => Math.Round(20 + (id * 37 % 70) + 0.25, 2);

    private static string Band(double p) => p >= 60 ? "hot" : p >= 35 ? "warm" : "cold";
}

public sealed class PricingTestPlugin
{
    [KernelFunction("estimate_value"), Description("Estimates a home's value from an address or parcel id, or from zip and features.")]
    [Answer("price-range", Title = "Price range", HeadlineFigures = 3)]
    [NeedsOneOf("address", "zip", "sqft")]
    [FollowUp("List price?", "what should i list it at")]
    public object EstimateValue(string? address = null, string? zip = null, double? bedrooms = null, double? bathrooms = null, double? sqft = null, int? yearBuilt = null)
    {
        var baseValue = 400_000 + (sqft ?? 1500) * 210 + (bedrooms ?? 3) * 15_000 + (address?.Length ?? 0) * 1_000 + (zip is null ? 0 : int.Parse(zip[^2..], System.Globalization.CultureInfo.InvariantCulture) * 500);
        return new ValueEstimate(Math.Round(baseValue, 0), new Interval(baseValue * 0.9, baseValue * 1.1), new Interval(baseValue * 0.82, baseValue * 1.18), ["living area", "zip code"], 12);
    }

    [KernelFunction("recommend_list_price"), Description("Recommends a list price with comparables.")]
    [Answer("price-range", Title = "Price range", HeadlineFigures = 3, TableTitle = "Comparable sales")]
    [FollowUp("Market trends", "housing market trends")]
    [FollowUp("Undervalued homes", "find undervalued homes")]
    public object RecommendListPrice(string address) =>
        new ListPriceRecommendation(address, 725_000, new Interval(699_000, 749_000), 7, 1.01, 21, "market level");

    [KernelFunction("estimate_days_to_sell"), Description("Estimates days to sell at a list price.")]
    [Answer("days-to-sell", Title = "Days to sell", HeadlineFigures = 2)]
    [FollowUp("Market trends", "housing market trends")]
    [FollowUp("Undervalued homes", "find undervalued homes")]
    public object EstimateDaysToSell(string address, double? listPrice = null) =>
        new DaysToSell(address, listPrice, listPrice is > 800_000 ? 34 : 18, "market level");

    [KernelFunction("find_undervalued"), Description("Finds homes priced below their estimated value.")]
    [Answer("property-list", Title = "Opportunities", ItemFunction = "estimate_value")]
    [FollowUp("Market trends", "housing market trends")]
    public IReadOnlyList<UndervaluedHome> FindUndervalued(string? zip = null, string? city = null, int limit = 5) =>
        Enumerable.Range(1, Math.Clamp(limit, 1, 10)).Select(i => new UndervaluedHome($"71293005{i:00}", zip ?? (city is null ? "98103" : "98118"), 500_000 + i * 10_000, 560_000 + i * 12_000)).ToList();
}

public sealed class MarketTestPlugin
{
    [KernelFunction("market_trends"), Description("Market trends for a region.")]
    [Answer("market-trends", Title = "Market trends")]
    [FollowUp("Investment alerts", "show investment alerts")]
    [FollowUp("Undervalued homes", "find undervalued homes")]
    public MarketTrend MarketTrends(string region = "Seattle, WA") => new(region, 812_345, 3.4, 11, 52.5);

    [KernelFunction("investment_alerts"), Description("Investment alerts.")]
    [Answer("property-list", Title = "Opportunities")]
    [FollowUp("Market trends", "housing market trends")]
    public IReadOnlyList<InvestmentAlert> InvestmentAlerts(int limit = 5) =>
        Enumerable.Range(1, Math.Clamp(limit, 1, 10)).Select(i => new InvestmentAlert($"64141001{i:00}", "98118", 8.5 + i)).ToList();
}

public sealed record RankedLead(long LeadId, string Name, double ProbabilityPercent, string Band, string TopReason, string ModelVersion);

public sealed record LeadScore(long LeadId, string Name, double ProbabilityPercent, double IntervalLowPercent, double IntervalHighPercent, string Band, IReadOnlyList<string> TopReasons, string ModelVersion);

public sealed record Contribution(string Reason, double Points);

public sealed record ScoreExplanation(long LeadId, double ProbabilityPercent, IReadOnlyList<Contribution> Contributions);

public sealed record ToolMessage(string Message);

public sealed record Interval(double Low, double High);

public sealed record ValueEstimate(double Value, Interval Interval80, Interval Interval95, IReadOnlyList<string> TopReasons, int ComparablesCount);

public sealed record ListPriceRecommendation(string Address, double ListPrice, Interval Range, int ComparablesCount, double SaleToList, int DaysToSell, string DaysToSellLevel);

public sealed record DaysToSell(string Address, double? ListPrice, int Days, string Level);

public sealed record UndervaluedHome(string ParcelId, string Zip, double AskingOrLastPrice, double EstimatedValue);

public sealed record MarketTrend(string Region, double Zhvi, double YearOverYearPercent, int DaysToPending, double PctSoldAboveList);

public sealed record InvestmentAlert(string ParcelId, string Zip, double GrossYieldPercent);

/// <summary>A built-in capability's planner examples with a stand-in plugin: what the agent sees, without services or endpoints.</summary>
public sealed class ContractTestCapability<TPlugin>(string name, string examples) : ICapability
    where TPlugin : class
{
    public string Name => name;

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile(examples);

    public void AddServices(IServiceCollection services) => services.AddKernelPlugin<TPlugin>(Name);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

public static class ContractTestPluginRegistration
{
    /// <summary>The stand-ins for LeadScoring, Pricing and Market, as capabilities.</summary>
    public static IServiceCollection AddContractTestPlugins(this IServiceCollection services)
    {
        services.AddCapability(new ContractTestCapability<LeadScoringTestPlugin>("LeadScoring", "planner/lead-scoring.jsonl"));
        services.AddCapability(new ContractTestCapability<PricingTestPlugin>("Pricing", "planner/pricing.jsonl"));
        services.AddCapability(new ContractTestCapability<MarketTestPlugin>("Market", "planner/market.jsonl"));
        return services;
    }

    /// <summary>In a fully composed host: the stand-ins take the place of the real capabilities' plugins.</summary>
    public static IServiceCollection ReplaceWithContractTestPlugins(this IServiceCollection services)
    {
        services.RemoveAll<KernelPlugin>();
        services.RemoveAll<ICapability>();
        return services.AddContractTestPlugins();
    }
}
