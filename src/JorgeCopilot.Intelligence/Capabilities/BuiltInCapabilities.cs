using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Conversations;
using JorgeCopilot.Intelligence.Crm;
using JorgeCopilot.Intelligence.Forecasting;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.Intelligence.Capabilities;

/// <summary>The capabilities the product ships: the one list the API host, the CLI and the evals all compose from.</summary>
public static class BuiltInCapabilities
{
    public static IReadOnlyList<ICapability> Create() =>
    [
        new LeadScoringCapability(),
        new PricingCapability(),
        new MarketCapability(),
        new VariantsCapability(),
        new ConversationsCapability(),
        new BehaviorCapability(),
        new ForecastingCapability(),
        new CrmCapability(),
    ];
}
