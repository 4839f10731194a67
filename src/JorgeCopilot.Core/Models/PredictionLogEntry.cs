namespace JorgeCopilot.Core.Models;

/// <summary>
/// One served prediction, for drift (the feature vector against the training distribution) and for accuracy once the
/// subject's outcome arrives. <see cref="SubjectId"/> is the lead (or property, ...) id as text.
/// </summary>
public sealed class PredictionLogEntry
{
    public long Id { get; set; }
    public required string Task { get; set; }
    public int ModelVersion { get; set; }
    public required string SubjectId { get; set; }
    public DateTime PredictedAt { get; set; }
    public double Prediction { get; set; }
    public double? Low { get; set; }
    public double? High { get; set; }
    /// <summary>The model's feature vector as JSON (numbers only, no personal data).</summary>
    public string FeaturesJson { get; set; } = "[]";
}
