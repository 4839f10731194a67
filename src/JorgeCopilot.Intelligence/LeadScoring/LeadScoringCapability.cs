using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Core.Health;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Lead scoring: trainer, scoring service, kernel plugin <c>LeadScoring</c>, monitoring, health, eval suite and REST.</summary>
public sealed class LeadScoringCapability : ICapability
{
    public string Name => "LeadScoring";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/lead-scoring.jsonl");

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<LeadRecordLoader>();
        services.AddSingleton<LeadScoringTrainer>();
        services.AddSingleton<IModelTrainer>(sp => sp.GetRequiredService<LeadScoringTrainer>());
        services.AddSingleton<LeadScoringService>();
        services.AddSingleton<IModelMonitorSource, LeadScoringMonitorSource>();
        services.AddSingleton<IHealthContributor>(sp => new ChampionHealth(LeadScoringTrainer.TaskName, async ct =>
            await sp.GetRequiredService<LeadScoringService>().ChampionAsync(ct) is { } champion
                ? (champion.Version, $"{champion.Model.Artifact.Algorithm}, {champion.Model.Artifact.TrainingRows} training leads")
                : null,
            sp.GetService<TrainingActivity>()));
        services.AddSingleton<IEvalSuite, LeadScoringEvalSuite>();
        services.AddKernelPlugin<LeadScoringPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapLeadScoring();
}
