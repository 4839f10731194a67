namespace JorgeCopilot.Core.Variants;

/// <summary>
/// One strategy in one lead segment of an experiment, with its Beta-Bernoulli counts. The counts are only ever changed
/// by single SQL statements (<c>SET trials = trials + 1</c>), so replicas never overwrite each other's updates.
/// </summary>
public sealed class VariantArm
{
    public long Id { get; set; }
    public long ExperimentId { get; set; }
    public VariantExperiment? Experiment { get; set; }
    public required string Segment { get; set; }
    public required string Strategy { get; set; }
    public ArmStatus Status { get; set; } = ArmStatus.Exploring;
    public long Trials { get; set; }
    public long Successes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StatusChangedAt { get; set; }
}

public enum ArmStatus
{
    Exploring = 0,
    Promoted = 1,
    Retired = 2,
}
