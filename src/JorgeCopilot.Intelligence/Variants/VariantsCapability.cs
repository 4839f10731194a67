using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>Bot variants: generator, Thompson-sampling experiments, kernel plugin <c>Variants</c>, REST for the bots and the <c>bot-lift</c> eval suite.</summary>
public sealed class VariantsCapability : ICapability
{
    public string Name => "Variants";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/variants.jsonl");

    public void AddServices(IServiceCollection services)
    {
        // Exemplars are retrieved winning turns: Variants brings Conversations (registered once, whoever asks first).
        services.AddCapability(new ConversationsCapability());
        services.AddOptions<VariantsOptions>()
            .BindConfiguration(VariantsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VariantTemplates>();
        services.AddSingleton<VariantGenerator>();
        services.AddSingleton<VariantBandit>();
        services.AddSingleton<ExperimentStore>();
        services.AddSingleton<IExemplarSource, RetrievedExemplarSource>();
        services.AddOptions<VariantLlmOptions>().BindConfiguration(VariantLlmOptions.SectionName);
        // One long-lived client; pooled connections are recycled so a changed DNS record of the LLM server is picked up.
        services.AddSingleton(sp => new LlmVariantWriter(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }),
            sp.GetRequiredService<IOptions<VariantLlmOptions>>(), sp.GetRequiredService<IOptions<VariantsOptions>>(),
            sp.GetRequiredService<ILogger<LlmVariantWriter>>()));
        services.AddSingleton<VariantService>();
        services.AddSingleton<StrategyPatternAnalyzer>();
        // Timing comes from Behavior's model; registered here too so Variants works without Behavior installed.
        services.TryAddSingleton<ContactTimingService>();
        services.AddSingleton<TimingRecommender>();
        services.AddSingleton<IEvalSuite, BotLiftEvalSuite>();
        services.AddKernelPlugin<VariantsPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapVariants();
}
