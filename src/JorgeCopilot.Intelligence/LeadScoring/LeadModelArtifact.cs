using JorgeCopilot.Intelligence.Explain;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Everything a lead-scoring model needs besides the ML.NET model itself; saved as JSON inside the model bytes.</summary>
public sealed class LeadModelArtifact
{
    public required string Algorithm { get; init; }
    public required Dictionary<string, double> CrossValidatedAuc { get; init; }
    public required LeadFeatureSchema Schema { get; init; }
    public required PlattCalibrator Calibrator { get; init; }
    public required TemperatureBands Bands { get; init; }
    public required ScorerData Scorer { get; init; }

    /// <summary>Null only in models saved before the conformal interval existed; they serve the point probability alone.</summary>
    public ConformalProbabilityInterval? Interval { get; init; }

    public double BaseRate { get; init; }
    public int TrainingRows { get; init; }

    /// <summary>
    /// The latest creation time among the training rows (null when they had none): outcomes of leads created later are
    /// ones the model never saw, so the served model may be recalibrated on them (<see cref="RollingRecalibration"/>).
    /// </summary>
    public DateTime? TrainedThrough { get; init; }
    public required List<FeatureBins> Drift { get; init; }

    /// <summary>The data set the model was trained on ("store" for the store's own leads, else the export's name).</summary>
    public string? Dataset { get; init; }

    /// <summary>Column → plain-words label from the mapping, used in reasons ("3-month interest rate" for euribor3m).</summary>
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Training means per feature: the background of the linear explainer.</summary>
    public required double[] FeatureMeans { get; init; }
}

/// <summary>A model's raw score in plain form: trees (with cover) or linear weights.</summary>
public sealed record ScorerData(TreeEnsembleData? Trees, LinearScorer? Linear);

/// <summary>Probability thresholds of the temperature bands, set from the training data's out-of-fold probabilities.</summary>
public sealed record TemperatureBands(double Hot, double Warm)
{
    public const string HotBand = "hot";
    public const string WarmBand = "warm";
    public const string ColdBand = "cold";

    public string For(double probability) => probability >= Hot ? HotBand : probability >= Warm ? WarmBand : ColdBand;
}
