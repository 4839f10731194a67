using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The one answer kind the test workspace cannot produce for real: a price range needs a trained pricing model, and
/// training one on King County sales costs more than the channels tests may spend (the pricing tests train theirs on
/// synthetic sales). Shaped like Pricing.estimate_value's answer, it exercises the price-range card layout only.
/// </summary>
public static class SampleAnswers
{
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

    public static readonly string[] PriceRangeExpected = ["Price range", "$512,000", "$468,000", "$559,000", "Comparables"];
}
