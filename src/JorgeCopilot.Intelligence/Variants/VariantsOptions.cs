using System.ComponentModel.DataAnnotations;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>Bot variants and their bandit (section <c>Variants</c>).</summary>
public sealed class VariantsOptions
{
    public const string SectionName = "Variants";

    /// <summary>Policy value: linear Thompson sampling over segment facts, pooled across segments.</summary>
    public const string ContextualPolicy = "contextual";

    /// <summary>Policy value: Beta-Bernoulli Thompson sampling per segment (the default).</summary>
    public const string SegmentPolicy = "segment-thompson";

    /// <summary>
    /// How a segment's arms are ranked: <c>segment-thompson</c> (each segment learns alone) or <c>contextual</c> (one
    /// linear Thompson model per strategy over the segment facts, sharing what segments have in common). The default is
    /// the one the <c>bot-lift</c> eval's contextual simulation found better; see docs/bot-variants.md.
    /// </summary>
    [RegularExpression("^(segment-thompson|contextual)$")]
    public string Policy { get; set; } = SegmentPolicy;

    /// <summary>Strategies the bandit chooses among; a strategy added here enters every segment with a flat prior (exploration).</summary>
    [MinLength(2)]
    public List<string> Strategies { get; set; } = [.. Variants.Strategies.All];

    /// <summary>Lead facts that define a segment, in order: any of <c>temperature</c>, <c>stage</c>, <c>channel</c>.</summary>
    public List<string> SegmentBy { get; set; } = ["temperature", "stage"];

    /// <summary>Lead-score probability at or above which a lead is "hot", and "warm" (below: "cold").</summary>
    [Range(0.0, 1.0)]
    public double HotAbove { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double WarmAbove { get; set; } = 0.2;

    /// <summary>Promote a strategy once its posterior probability of being the best in its segment reaches this.</summary>
    [Range(0.5, 1.0)]
    public double PromoteAbove { get; set; } = 0.95;

    /// <summary>Retire a strategy once its probability of being the best falls below this.</summary>
    [Range(0.0, 0.5)]
    public double RetireBelow { get; set; } = 0.01;

    /// <summary>No promotion or retirement until every competing arm in the segment has this many outcomes.</summary>
    [Range(1, 1_000_000)]
    public int MinimumTrials { get; set; } = 100;

    /// <summary>Decisions are taken only at fixed looks (every this many outcomes per segment), never after each one: the guard against peeking.</summary>
    [Range(1, 1_000_000)]
    public int LookEvery { get; set; } = 50;

    /// <summary>Monte Carlo draws behind each propensity and probability of being best.</summary>
    [Range(100, 1_000_000)]
    public int Simulations { get; set; } = 2_000;

    /// <summary>Seed of the bandit's random draws; unset in production (each process draws differently), set in tests.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Who writes the text: <c>auto</c> (the LLM when <c>Copilot:Provider=openai</c>, validated, with the templates as
    /// fallback on any failure) or <c>templates</c> (always offline).
    /// </summary>
    [RegularExpression("^(auto|templates)$")]
    public string Writer { get; set; } = "auto";

    /// <summary>How long a variant request waits for the LLM before the templates answer instead.</summary>
    [Range(1, 120)]
    public int LlmTimeoutSeconds { get; set; } = 8;

    /// <summary>At most this many SMS segments per variant (160 GSM-7 characters each; 153 when concatenated).</summary>
    [Range(1, 10)]
    public int MaxSmsSegments { get; set; } = 3;
}
