namespace JorgeCopilot.Core.Variants;

/// <summary>
/// One variant handed to a bot, with the probability the bandit had of putting its arm at that rank (the propensity
/// the off-policy estimators need). The message text is not kept: it may quote the lead.
/// </summary>
public sealed class ServedVariant
{
    public long Id { get; set; }
    public Guid ServedId { get; set; }
    public long ArmId { get; set; }
    public VariantArm? Arm { get; set; }
    public long? LeadId { get; set; }
    public int Rank { get; set; }
    public double Propensity { get; set; }
    public required string Tone { get; set; }
    public DateTime ServedAt { get; set; }
    /// <summary>Set once by the first outcome: the arm's trial was counted.</summary>
    public bool Counted { get; set; }
    /// <summary>Set once when an outcome reached the experiment's goal: the arm's success was counted.</summary>
    public bool Rewarded { get; set; }
    public OutcomeLevel? Outcome { get; set; }
    public DateTime? OutcomeAt { get; set; }
}

/// <summary>How far a lead went after a variant, in order; an outcome at or above the experiment's goal is a success.</summary>
public enum OutcomeLevel
{
    NoReply = 0,
    Reply = 1,
    Appointment = 2,
    Conversion = 3,
}
