namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// A deal as the revenue analytics see it (from the store or generated in memory for the eval). <see cref="Resolved"/>
/// is the closing date of a closed deal and the date a lost deal fell through.
/// </summary>
public sealed record DealRecord(
    string ExternalId,
    string Stage,
    DateOnly Created,
    DateOnly? Contracted,
    DateOnly? Resolved,
    DateOnly? ExpectedClose,
    double Value,
    double Commission,
    string? LostFromStage,
    bool IsGenerated);
