using JorgeCopilot.Core.Health;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.LeadScoring;

public static class LeadScoringRegistration
{
    /// <summary>Lead scoring: trainer, scoring service, kernel plugin <c>LeadScoring</c>, monitoring source and eval suite.</summary>
    public static IServiceCollection AddLeadScoring(this IServiceCollection services)
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
        services.AddSingleton<LeadScoringPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<LeadScoringPlugin>(), "LeadScoring"));
        return services;
    }
}
