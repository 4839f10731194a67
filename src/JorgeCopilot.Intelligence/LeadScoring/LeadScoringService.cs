using System.Diagnostics;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Scores leads with the champion model from the registry. Each call checks which version is champion (a small query),
/// so every replica switches to a newly promoted model on its next request; the loaded model is cached per version.
/// </summary>
public sealed class LeadScoringService(
    IModelRegistry registry,
    LeadRecordLoader loader,
    PredictionLogger predictionLog,
    TimeProvider clock,
    ILogger<LeadScoringService> logger)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    // Reference types swapped whole, so concurrent requests never see a half-written pair.
    private volatile LoadedModel? _cached;
    private volatile Ranking? _ranking;
    private volatile Recalibrated? _recalibration;

    /// <summary>How long a whole-book ranking is reused before being recomputed.</summary>
    public static readonly TimeSpan RankingLifetime = TimeSpan.FromMinutes(2);

    /// <summary>How long a recalibration on the store's recent outcomes is reused before being refitted.</summary>
    public static readonly TimeSpan RecalibrationLifetime = TimeSpan.FromMinutes(10);

    public async Task<(int Version, LeadScoringModel Model)?> ChampionAsync(CancellationToken cancellationToken)
    {
        var champion = await registry.GetChampionSummaryAsync(LeadScoringTrainer.TaskName, cancellationToken);
        if (champion is null)
        {
            return null;
        }

        if (_cached is { } cached && cached.Version == champion.Version)
        {
            return (cached.Version, cached.Model);
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.Version == champion.Version)
            {
                return (again.Version, again.Model);
            }

            var stored = await registry.GetAsync(LeadScoringTrainer.TaskName, champion.Version, cancellationToken);
            var model = LeadScoringModel.Load(stored!.ModelBytes);
            _cached = new LoadedModel(champion.Version, model);
            return (champion.Version, model);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<LeadScoreResult> ScoreAsync(long leadId, CancellationToken cancellationToken, int topReasons = 3)
    {
        var started = Stopwatch.GetTimestamp();
        var champion = await ChampionAsync(cancellationToken);
        if (champion is not { } c)
        {
            return LeadScoreResult.Fail(LeadScoreFailure.NoModel, "No lead-scoring model has been trained yet: run `jorge train lead-scoring`.");
        }

        var loaded = await loader.LoadAsync(leadId, cancellationToken);
        if (loaded is not { } lead)
        {
            return LeadScoreResult.Fail(LeadScoreFailure.UnknownLead, $"There is no lead with id {leadId}.");
        }

        if (LeadRecordLoader.HasNoData(lead.Record))
        {
            return LeadScoreResult.Fail(LeadScoreFailure.NoData, $"Lead {leadId} has no attributes, channel or messages to score.");
        }

        if (c.Model.Artifact.Schema.CannotScore(lead.Record))
        {
            return LeadScoreResult.Fail(LeadScoreFailure.MissingFeatures, NotEnoughToScore(c.Version, c.Model, lead.Record));
        }

        var explanation = c.Model.Explain(lead.Record, topReasons);
        if (await RecalibrationAsync(c.Version, c.Model, cancellationToken) is { } recalibration)
        {
            explanation = explanation with { Prediction = recalibration.Apply(explanation.Prediction, c.Model.Artifact.Bands) };
        }

        var x = c.Model.Features.Transform(lead.Record);
        var p = explanation.Prediction;
        await predictionLog.LogAsync(LeadScoringTrainer.TaskName, c.Version, PredictionLogger.Subject(leadId), p.Probability, p.Low, p.High, x, cancellationToken);
        logger.LogInformation("Scored lead {LeadId} with v{Version} in {Elapsed:0.0} ms", leadId, c.Version, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new LeadScoreResult(new LeadScore(leadId, lead.Lead.DisplayName, p, explanation, c.Version), null, null);
    }

    /// <summary>The hottest open leads as Jorge sees them (percentages, band, top reason): the one projection the REST endpoint and the plugin share; null without a model.</summary>
    public async Task<TopLeadsResponse?> RankAsync(int limit, CancellationToken cancellationToken)
    {
        if (await TopAsync(limit, cancellationToken) is not { } top || await ChampionAsync(cancellationToken) is not { } champion)
        {
            return null;
        }

        var items = top.Leads.Select(l => new TopLeadItem(l.LeadId, l.Name, LeadScoringEndpoints.Percent(l.Prediction.Probability),
            LeadScoringEndpoints.Percent(l.Prediction.Low), LeadScoringEndpoints.Percent(l.Prediction.High), l.Prediction.Band,
            champion.Model.Explain(l.Record, 1).TopReasons.FirstOrDefault()?.Text)).ToList();
        return new TopLeadsResponse(items, top.Version);
    }

    /// <summary>The hottest open leads; the whole book is scored in one batch and the ranking reused for a short while.</summary>
    public async Task<(IReadOnlyList<RankedLead> Leads, int Version)?> TopAsync(int limit, CancellationToken cancellationToken)
    {
        var champion = await ChampionAsync(cancellationToken);
        if (champion is not { } c)
        {
            return null;
        }

        var ranking = _ranking;
        if (ranking is null || ranking.Version != c.Version || clock.GetUtcNow() - ranking.At > RankingLifetime)
        {
            // Leads the model cannot speak about (they lack most of its columns) are left out rather than ranked on guesses.
            var open = (await loader.LoadOpenAsync(cancellationToken))
                .Where(l => !LeadRecordLoader.HasNoData(l.Record) && !c.Model.Artifact.Schema.CannotScore(l.Record)).ToList();
            var predictions = c.Model.PredictBatch(open.Select(l => c.Model.Features.Transform(l.Record)).ToList());
            if (await RecalibrationAsync(c.Version, c.Model, cancellationToken) is { } recalibration)
            {
                predictions = predictions.Select(q => recalibration.Apply(q, c.Model.Artifact.Bands)).ToArray();
            }

            var ranked = open.Select((l, i) => new RankedLead(l.Lead.Id, l.Lead.DisplayName, l.Record, predictions[i]))
                .OrderByDescending(l => l.Prediction.Probability).ThenBy(l => l.LeadId)
                .Take(500).ToList();
            ranking = new Ranking(c.Version, clock.GetUtcNow(), ranked);
            _ranking = ranking;
        }

        return (ranking.Leads.Take(limit).ToList(), c.Version);
    }

    /// <summary>The recalibration the champion is served with now (null: as trained), refitted every few minutes.</summary>
    private async Task<ServedRecalibration?> RecalibrationAsync(int version, LeadScoringModel model, CancellationToken cancellationToken)
    {
        if (_recalibration is { } cached && cached.Version == version && clock.GetUtcNow() - cached.At < RecalibrationLifetime)
        {
            return cached.Served;
        }

        var served = Recalibration(model, await loader.LoadLabelledAsync(cancellationToken));
        _recalibration = new Recalibrated(version, clock.GetUtcNow(), served);
        if (served is not null)
        {
            logger.LogInformation("Lead model v{Version} recalibrated on {Outcomes} recent outcomes; interval quantile {Quantile:0.###}",
                version, served.Outcomes, served.Interval.Quantile);
        }

        return served;
    }

    /// <summary>
    /// Month-by-month recalibration (<see cref="RollingRecalibration"/>) of <paramref name="model"/> on the outcomes of
    /// leads created after its training rows, which it never saw; null when the model records no training period or
    /// interval, or fewer than <see cref="RollingRecalibration.DefaultMinimumRows"/> such outcomes exist, so the model
    /// is served as trained rather than bent by a handful of outcomes.
    /// </summary>
    public static ServedRecalibration? Recalibration(LeadScoringModel model, IReadOnlyList<(LeadExample Example, DateTime? CreatedAt)> labelled)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labelled);
        if (model.Artifact.TrainedThrough is not { } through || model.Artifact.Interval is not { } interval)
        {
            return null;
        }

        var later = labelled.Where(l => l.CreatedAt > through && !model.Artifact.Schema.CannotScore(l.Example.Lead)).ToList();
        if (later.Count < RollingRecalibration.DefaultMinimumRows)
        {
            return null;
        }

        var predictions = model.PredictBatch(later.Select(l => model.Features.Transform(l.Example.Lead)).ToList());
        var served = new RollingRecalibration().Current(predictions, later.Select(l => l.Example.Converted).ToList(),
            later.Select(l => RollingRecalibration.Period(l.CreatedAt!.Value)).ToList(), interval);
        return served.Calibrator is null ? null : served;
    }

    /// <summary>"Not enough to score this lead: missing X, Y, ..." in the mapping's words, with what would fix it.</summary>
    public static string NotEnoughToScore(int version, LeadScoringModel model, LeadRecord lead)
    {
        ArgumentNullException.ThrowIfNull(model);
        var artifact = model.Artifact;
        var absent = artifact.Schema.AbsentColumns(lead);
        var named = absent.Take(6).Select(c => LeadReasonFormatter.Label(c, artifact.Labels)).ToList();
        var more = absent.Count > named.Count ? $" and {absent.Count - named.Count} more" : "";
        var trainedOn = artifact.Dataset is { } d ? $", trained on {d}" : "";
        return $"Not enough to score this lead: missing {string.Join(", ", named)}{more} " +
            $"(the lead-scoring model v{version}{trainedOn} reads {artifact.Schema.AttributeColumns().Count} columns and this lead has " +
            $"{artifact.Schema.AttributeColumns().Count - absent.Count} of them). Record outcomes for leads like this one and run " +
            "`jorge train lead-scoring`, or import the missing columns.";
    }

    private sealed record LoadedModel(int Version, LeadScoringModel Model);

    private sealed record Recalibrated(int Version, DateTimeOffset At, ServedRecalibration? Served);

    private sealed record Ranking(int Version, DateTimeOffset At, IReadOnlyList<RankedLead> Leads);
}

public enum LeadScoreFailure
{
    NoModel,
    UnknownLead,
    NoData,
    /// <summary>The lead lacks most of the columns the champion reads (e.g. a CRM lead scored by a model of a campaign's attributes).</summary>
    MissingFeatures,
}

public sealed record LeadScore(long LeadId, string Name, LeadPrediction Prediction, LeadExplanation Explanation, int ModelVersion);

public sealed record LeadScoreResult(LeadScore? Score, LeadScoreFailure? Failure, string? Message)
{
    public static LeadScoreResult Fail(LeadScoreFailure failure, string message) => new(null, failure, message);
}

public sealed record RankedLead(long LeadId, string Name, LeadRecord Record, LeadPrediction Prediction);
