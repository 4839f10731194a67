using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Tests.Shared;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The answer kinds the test workspace cannot produce for real: pricing answers need a trained pricing model, and
/// training one on King County sales costs more than the channels tests may spend (the pricing tests train theirs on
/// synthetic sales). Each is composed by the agent's own answer composer from the Pricing plugin's result records, so
/// the cards are exactly what a real pricing answer becomes.
/// </summary>
public static class SampleAnswers
{
    private static readonly AnswerComposer Composer = new(new PromptCatalog());

    /// <summary>Card kind → (answer, texts the rendered card must show).</summary>
    public static IReadOnlyDictionary<string, (StructuredAnswer Answer, string[] Expected)> Pricing { get; } =
        new Dictionary<string, (StructuredAnswer, string[])>
        {
            ["price-range"] = (Compose("recommend_list_price"), ["Price range", "665,000", "Comparable sales", "7129300500"]),
            ["days-to-sell"] = (Compose("estimate_days_to_sell"), ["Days to sell", "23"]),
            ["property-list"] = (Compose("find_undervalued"), ["Opportunities", "412,000", "98118"]),
        };

    private static StructuredAnswer Compose(string function)
    {
        return Composer.Compose(CapabilitySampleResults.Tool(function), new Dictionary<string, object?>(), CapabilitySampleResults.For(function), null).Answer;
    }
}
