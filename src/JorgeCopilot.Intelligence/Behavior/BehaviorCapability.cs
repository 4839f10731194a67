using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Client behaviour: objection prediction with prepared responses (retrieved from winning conversations, so Behavior
/// brings Conversations), contact time and channel, decision timeline, meeting brief and touch sequence, referral
/// potential and content preferences; plugin <c>Behavior</c>; the <c>objections</c> and <c>timing</c> suites.
/// </summary>
public sealed class BehaviorCapability : ICapability
{
    public string Name => "Behavior";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/behavior.jsonl");

    public void AddServices(IServiceCollection services)
    {
        services.AddCapability(new ConversationsCapability());
        services.AddSingleton<ObjectionService>();
        services.AddSingleton<ContactTimingService>();
        services.AddSingleton<DecisionTimelineService>();
        services.AddSingleton<EngagementPlanService>();
        services.AddSingleton<ReferralService>();
        services.AddSingleton<ContentPreferenceService>();
        services.AddSingleton<IEvalSuite, ObjectionsEvalSuite>();
        services.AddSingleton<IEvalSuite, TimingEvalSuite>();
        services.AddKernelPlugin<BehaviorPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBehavior();
}
