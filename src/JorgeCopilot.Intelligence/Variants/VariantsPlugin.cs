using System.ComponentModel;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Variants;

public sealed record VariantsMessage(string Message);

/// <summary>A variant as the plugin returns it; <see cref="ArmId"/> and the unrounded <see cref="Propensity"/> are for bots (off-policy estimates need the exact value).</summary>
public sealed record VariantSummary(int Rank, string Strategy, string Tone, string Text, double PropensityPct, int SmsSegments, Guid ServedId, long ArmId,
    double Propensity, string Writer);

public sealed record GeneratedVariants(long LeadId, string Goal, string Segment, IReadOnlyList<VariantSummary> Variants);

public sealed record ArmSummary(string Segment, string Strategy, string Status, long Trials, double RatePct, double LowPct, double HighPct, double ProbabilityBestPct);

public sealed record ExperimentSummary(string Name, string Goal, long Trials, long Successes, IReadOnlyList<ArmSummary> Arms);

public sealed record ExperimentStatus(IReadOnlyList<ExperimentSummary> Experiments);

public sealed record PatternSummary(string Corpus, string Outcome, string Strategy, int Used, int NotUsed, double UsedMean, double NotUsedMean, double Difference, double Low, double High, double CohensD);

public sealed record WinningPatterns(IReadOnlyList<PatternSummary> Patterns, string Caveat);

public sealed record ScriptRecommendation(string Strategy, string Advice, string Evidence);

public sealed record ScriptImprovements(IReadOnlyList<ScriptRecommendation> Recommendations, string Caveat);

public sealed record MethodologyEffectiveness(string Strategy, IReadOnlyList<PatternSummary> CorpusEvidence, IReadOnlyList<ArmSummary> LiveArms, string Verdict);

/// <summary>Kernel plugin <c>Variants</c>: message variants for a lead, experiment status, and which strategies win. Failures come back as a message.</summary>
public sealed class VariantsPlugin(VariantService service, StrategyPatternAnalyzer patterns, TimingRecommender timing)
{
    private const string Caveat = "Associations in annotated research corpora (a charity persuasion task and a camping negotiation), not causal effects on real-estate leads.";

    [KernelFunction("generate_variants")]
    [Description("Ranked SMS variants to send a lead, each with its strategy (direct, empathetic, social_proof, urgency, information, question_led), tone, text, the bandit's propensity and a served id for reporting the outcome.")]
    [Answer("variants", Title = "Messages to send")]
    [FollowUp("Experiments", "how are my bot experiments doing")]
    public async Task<object> GenerateVariantsAsync(
        [Description("The lead's id.")] long leadId,
        [Description("How many variants (1-6).")] int count = 3,
        [Description("What the message should achieve: reply, appointment or conversion.")] string goal = "reply",
        CancellationToken cancellationToken = default)
    {
        var result = await service.GenerateAsync(new VariantRequest(leadId, null, count, goal), cancellationToken);
        if (result.Set is not { } set)
        {
            return new VariantsMessage(result.Message!);
        }

        return new GeneratedVariants(leadId, set.Goal, set.Segment,
            set.Variants.Select(v => new VariantSummary(v.Rank + 1, v.Strategy, v.Tone, v.Text, Math.Round(v.Propensity * 100, 1), v.SmsSegments, v.ServedId, v.ArmId,
                v.Propensity, v.Writer)).ToList());
    }

    [KernelFunction("recommend_timing")]
    [Description("When and on which channel the bot should follow up with a lead (after how many hours without a reply) or escalate it, from the lead's reply rates by time slot and channel (or the campaign's when there is no history).")]
    [Answer("timing", Title = "When to follow up", HeadlineFigures = 3, TableTitle = "Best times")]
    [FollowUp("Message variants", "what should my bot text them")]
    public async Task<object> RecommendTimingAsync(
        [Description("The lead's id.")] long leadId,
        [Description("What the timing is for: follow_up (the default) or escalation; the request in words also works ('escalate' means escalation).")] string situation = TimingRecommender.FollowUp,
        CancellationToken cancellationToken = default)
    {
        return await timing.RecommendAsync(leadId, TimingRecommender.ParsePurpose(situation), cancellationToken) is { } recommendation
            ? recommendation
            : new VariantsMessage($"There is no lead {leadId}, or no contact history or campaign rates to time it from.");
    }

    [KernelFunction("experiment_status")]
    [Description("The bot-variant experiments: per segment and strategy, outcomes counted, success rate % with its 95% credible interval, probability % of being the best, and whether it is exploring, promoted or retired.")]
    [Answer("experiments", Title = "Bot experiments")]
    [FollowUp("Winning patterns", "which strategies win conversations")]
    public async Task<object> ExperimentStatusAsync(
        [Description("Experiment name (e.g. default-reply); empty for all.")] string? experiment = null,
        CancellationToken cancellationToken = default)
    {
        var experiments = await service.ExperimentsAsync(experiment, cancellationToken);
        if (experiments.Count == 0)
        {
            return new VariantsMessage("No bot-variant experiment has served anything yet.");
        }

        return new ExperimentStatus(experiments.Select(e => new ExperimentSummary(e.Name, e.Goal, e.Trials, e.Successes,
            e.Arms.Select(Arm).ToList())).ToList());
    }

    [KernelFunction("winning_patterns")]
    [Description("Which message strategies go with wins in past conversations: success with and without each strategy, the difference with its 95% interval and effect size.")]
    [Answer("strategy-effects", Title = "What wins conversations", TableTitle = "Strategies")]
    [FollowUp("Script advice", "how should i improve my scripts")]
    public async Task<object> WinningPatternsAsync(CancellationToken cancellationToken = default)
    {
        var effects = await patterns.AnalyzeAsync(cancellationToken);
        if (effects.Count == 0)
        {
            return new VariantsMessage("No annotated conversations are in the store: import persuasion-for-good or casino first.");
        }

        return new WinningPatterns(effects.OrderByDescending(e => e.CohensD).Select(Pattern).ToList(), Caveat);
    }

    [KernelFunction("recommend_script_improvements")]
    [Description("Script advice from the strategies that go with wins or losses (use more, use less, no clear evidence), with the evidence behind each.")]
    [Answer("script-advice", Title = "Script advice")]
    public async Task<object> RecommendScriptImprovementsAsync(CancellationToken cancellationToken = default)
    {
        var effects = await patterns.AnalyzeAsync(cancellationToken);
        if (effects.Count == 0)
        {
            return new VariantsMessage("No annotated conversations are in the store: import persuasion-for-good or casino first.");
        }

        var recommendations = effects.GroupBy(e => e.Strategy).Select(g =>
        {
            var positive = g.Where(e => e.ClearlyPositive).ToList();
            var negative = g.Where(e => e.ClearlyNegative).ToList();
            var advice = positive.Count > 0 && negative.Count == 0 ? "use more"
                : negative.Count > 0 && positive.Count == 0 ? "use less"
                : positive.Count > 0 ? "mixed evidence: depends on the setting"
                : "no clear evidence either way";
            var evidence = string.Join("; ", g.Select(e => $"{e.Corpus} {e.Outcome}: {Signed(e.Difference)} [{Signed(e.DifferenceLow)}, {Signed(e.DifferenceHigh)}]"));
            return new ScriptRecommendation(g.Key, advice, evidence);
        }).OrderBy(r => r.Advice == "use more" ? 0 : r.Advice == "use less" ? 1 : 2).ToList();
        return new ScriptImprovements(recommendations, Caveat);
    }

    [KernelFunction("methodology_effectiveness")]
    [Description("How well Jorge's direct/confrontational approach does against the other strategies: corpus evidence with intervals and the live bandit's arms.")]
    [Answer("methodology", Title = "Your approach against the others")]
    public async Task<object> MethodologyEffectivenessAsync(
        [Description("The strategy to assess; direct (Jorge's style) by default.")] string strategy = Strategies.Direct,
        CancellationToken cancellationToken = default)
    {
        if (!Strategies.All.Contains(strategy))
        {
            return new VariantsMessage($"Unknown strategy '{strategy}'; use one of {string.Join(", ", Strategies.All)}.");
        }

        var effects = (await patterns.AnalyzeAsync(cancellationToken)).Where(e => e.Strategy == strategy).Select(Pattern).ToList();
        var live = (await service.ExperimentsAsync(null, cancellationToken)).SelectMany(e => e.Arms).Where(a => a.Strategy == strategy).Select(Arm).ToList();
        if (effects.Count == 0 && live.Count == 0)
        {
            return new VariantsMessage("Neither annotated conversations nor live experiment outcomes are available yet.");
        }

        var verdict = effects.Any(e => e.Low > 0) ? $"{strategy} goes with better outcomes in at least one corpus"
            : effects.Any(e => e.High < 0) ? $"{strategy} goes with worse outcomes in at least one corpus"
            : $"no clear difference between {strategy} and the other strategies so far";
        return new MethodologyEffectiveness(strategy, effects, live, verdict);
    }

    // Rounded first (and +0.0 folds a negative zero), so a tiny negative never prints as "-0".
    private static string Signed(double value) =>
        (Math.Round(value, 3) + 0.0).ToString("+0.###;-0.###;0", System.Globalization.CultureInfo.InvariantCulture);

    private static ArmSummary Arm(ArmStatusView a) => new(a.Segment, a.Strategy, a.Status, a.Trials,
        Math.Round(a.PosteriorMean * 100, 1), Math.Round(a.CredibleLow * 100, 1), Math.Round(a.CredibleHigh * 100, 1), Math.Round(a.ProbabilityBest * 100, 1));

    private static PatternSummary Pattern(StrategyEffect e) => new(e.Corpus, e.Outcome, e.Strategy, e.UsedCount, e.NotUsedCount,
        Math.Round(e.UsedMean, 3), Math.Round(e.NotUsedMean, 3), Math.Round(e.Difference, 3), Math.Round(e.DifferenceLow, 3), Math.Round(e.DifferenceHigh, 3), Math.Round(e.CohensD, 2));
}
