using System.ComponentModel;
using JorgeCopilot.Core.Validation;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Kernel plugin <c>LeadScoring</c>: rank leads, score a lead, explain a score. Failures come back as a message, never thrown.</summary>
public sealed class LeadScoringPlugin(LeadScoringService service)
{
    [KernelFunction("rank_leads")]
    [Description("The hottest open leads: id, name, conversion probability % with its 80% interval, band (hot/warm/cold), top reason, model version.")]
    [Answer("ranked-leads", Title = "Hottest leads", ItemFunction = "score_lead")]
    [FollowUp("Why is the first hot?", "explain the first one")]
    [FollowUp("Score the first", "score the first one")]
    public async Task<object> RankLeadsAsync(
        [Description("How many leads to return (1-100).")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        if (InputRules.Limit(limit, LeadScoringEndpoints.MaxLimit) is { } invalid)
        {
            return new LeadScoringMessage(invalid);
        }

        return await service.RankAsync(limit, cancellationToken) is { } ranked
            ? ranked
            : new LeadScoringMessage("No lead-scoring model has been trained yet: run `jorge train lead-scoring`.");
    }

    [KernelFunction("score_lead")]
    [Description("Conversion probability % of one lead with its 80% interval (low/high %), band (hot/warm/cold), top reasons and model version.")]
    [Answer("lead-score", Title = "Lead score", HeadlineFigures = 3)]
    [FollowUp("Why?", "explain that score")]
    public async Task<object> ScoreLeadAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default)
    {
        if (InputRules.Id(leadId, "leadId") is { } invalid)
        {
            return new LeadScoringMessage(invalid);
        }

        var result = await service.ScoreAsync(leadId, cancellationToken);
        if (result.Score is not { } s)
        {
            return new LeadScoringMessage(result.Message!);
        }

        return new LeadScoreSummary(s.LeadId, s.Name, LeadScoringEndpoints.Percent(s.Prediction.Probability), LeadScoringEndpoints.Percent(s.Prediction.Low),
            LeadScoringEndpoints.Percent(s.Prediction.High), s.Prediction.Band, s.Explanation.TopReasons.Select(r => r.Text).ToList(), s.ModelVersion);
    }

    [KernelFunction("explain_score")]
    [Description("Why a lead scores as it does: signed contributions in probability points with plain-language reasons (exact TreeSHAP).")]
    [Answer("score-explanation", Title = "Why this score", HeadlineFigures = 3, TableTitle = "Reasons")]
    public async Task<object> ExplainScoreAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default)
    {
        if (InputRules.Id(leadId, "leadId") is { } invalid)
        {
            return new LeadScoringMessage(invalid);
        }

        var result = await service.ScoreAsync(leadId, cancellationToken, topReasons: 8);
        if (result.Score is not { } s)
        {
            return new LeadScoringMessage(result.Message!);
        }

        return new ScoreExplanation(s.LeadId, s.Name, LeadScoringEndpoints.Percent(s.Prediction.Probability),
            s.Explanation.TopReasons.Select(r => new Contribution(r.Feature, r.Points, r.Text)).ToList(), s.ModelVersion);
    }
}

public sealed record LeadScoringMessage(string Message);

public sealed record LeadScoreSummary(long LeadId, string Name, double ProbabilityPercent, double LowPercent, double HighPercent, string Band,
    IReadOnlyList<string> TopReasons, int ModelVersion);

public sealed record ScoreExplanation(long LeadId, string Name, double ProbabilityPercent, IReadOnlyList<Contribution> Contributions, int ModelVersion);

public sealed record Contribution(string Feature, double Points, string Reason);
