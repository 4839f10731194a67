namespace JorgeCopilot.Core.Variants;

/// <summary>A bandit experiment over response strategies (e.g. "seller-bot"), rewarded when an outcome reaches <see cref="Goal"/>.</summary>
public sealed class VariantExperiment
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public OutcomeLevel Goal { get; set; } = OutcomeLevel.Reply;
    public DateTime CreatedAt { get; set; }
    public List<VariantArm> Arms { get; set; } = [];
}
