namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>How a lead-scoring model is trained. Defaults are what <c>jorge train lead-scoring</c> and the weekly job use.</summary>
public sealed record LeadModelOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Folds of the stratified cross-validation that picks the algorithm and yields out-of-fold scores for calibration.</summary>
    public int Folds { get; init; } = 5;

    public IReadOnlyList<LeadAlgorithm> Candidates { get; init; } = [LeadAlgorithm.LightGbm, LeadAlgorithm.FastTree, LeadAlgorithm.Logistic];

    public int Trees { get; init; } = 200;

    public double LearningRate { get; init; } = 0.05;

    public int Leaves { get; init; } = 16;

    public int MinLeafCount { get; init; } = 20;

    /// <summary>Deepest LightGBM tree (0 = no limit). Exact TreeSHAP costs leaves × depth², so depth bounds explanation time.</summary>
    public int MaxDepth { get; init; }

    /// <summary>Central probability of the interval of the conformal interval (see ConformalProbabilityInterval).</summary>
    public double IntervalLevel { get; init; } = 0.8;

    /// <summary>
    /// The rows are in time order (<see cref="LeadExample.Order"/>): the interval is then also fitted on how a model of
    /// the earlier 80% of the training rows errs on the latest 20% (drift), and the wider of the two is kept.
    /// </summary>
    public bool TimeOrdered { get; init; }

    /// <summary>Share of the latest training rows the drift check scores.</summary>
    public double RecentFraction { get; init; } = 0.2;
}

public enum LeadAlgorithm
{
    LightGbm,
    FastTree,
    Logistic,
}
