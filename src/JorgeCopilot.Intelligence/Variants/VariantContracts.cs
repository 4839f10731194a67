using JorgeCopilot.Core.Variants;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>What a bot knows about a lead when it has no lead id (every field optional, all treated as untrusted).</summary>
public sealed record VariantContext(
    string? FirstName = null,
    string? Temperature = null,
    string? Stage = null,
    string? Channel = null,
    string? Intent = null,
    string? Area = null,
    string? Phone = null,
    string? LastMessage = null);

/// <summary>A request for <see cref="Count"/> variants for a lead (by id, or by context), toward a goal: reply, appointment or conversion.</summary>
public sealed record VariantRequest(long? LeadId = null, VariantContext? Context = null, int Count = 3, string Goal = "reply", string? Experiment = null);

/// <summary>One variant as served: the arm that chose it, the probability it had of that rank, its grounding and who wrote it.</summary>
public sealed record VariantOption(
    Guid ServedId,
    long ArmId,
    string Strategy,
    string Tone,
    string Text,
    int Rank,
    double Propensity,
    int SmsSegments,
    IReadOnlyList<Exemplar> Exemplars,
    string Writer = VariantWriters.Templates);

/// <summary>Who wrote a variant's text.</summary>
public static class VariantWriters
{
    public const string Templates = "templates";

    /// <summary>The configured LLM, validated (<see cref="VariantTextGuard"/>).</summary>
    public const string Llm = "llm";
}

public sealed record VariantSet(string Experiment, string Segment, string Goal, IReadOnlyList<VariantOption> Variants);

public enum VariantFailure
{
    None,
    InvalidRequest,
    LeadNotFound,
    OptedOut,
}

public sealed record VariantResult(VariantSet? Set, VariantFailure Failure, string? Message)
{
    public static VariantResult Fail(VariantFailure failure, string message) => new(null, failure, message);
}

/// <summary>An arm's posterior: Beta(1 + successes, 1 + failures), its 95% credible interval and probability of being best in its segment.</summary>
public sealed record ArmStatusView(
    long ArmId,
    string Segment,
    string Strategy,
    string Status,
    long Trials,
    long Successes,
    double PosteriorMean,
    double CredibleLow,
    double CredibleHigh,
    double ProbabilityBest);

public sealed record ExperimentView(string Name, string Goal, long Trials, long Successes, IReadOnlyList<ArmStatusView> Arms);

public static class OutcomeLevels
{
    public static bool TryParse(string? value, out OutcomeLevel level)
    {
        level = value?.Trim().ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal) switch
        {
            "reply" or "replied" => OutcomeLevel.Reply,
            "appointment" or "appointment_set" => OutcomeLevel.Appointment,
            "conversion" or "converted" => OutcomeLevel.Conversion,
            "no_reply" or "none" => OutcomeLevel.NoReply,
            _ => (OutcomeLevel)(-1),
        };
        return level >= 0;
    }

    public static string Name(OutcomeLevel level) => level switch
    {
        OutcomeLevel.Reply => "reply",
        OutcomeLevel.Appointment => "appointment",
        OutcomeLevel.Conversion => "conversion",
        _ => "no_reply",
    };
}
