using System.Diagnostics;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Eval suite <c>bot-lift</c>. Per Open Bandit campaign (men, women): the Bernoulli-TS policy's click rate estimated by
/// IPS, self-normalised IPS and doubly robust from the uniform-random log, with bootstrap 95% intervals, checked
/// against the rate the TS policy actually got on its own log (<c>estimator_validated</c>); then our Thompson policy,
/// fitted on the first half of the random log, valued on the second half against the uniform policy
/// (<c>relative_lift</c> with its interval). Then a simulation calibrated on bank-marketing response rates: our bandit
/// against a fixed equal-split A/B test over the same contacts.
/// </summary>
public sealed class BotLiftEvalSuite(DataLocator data) : IEvalSuite
{
    public const int Seed = 1;
    public const int PolicySimulations = 20_000;
    public const int SimulationRuns = 100;

    /// <summary>Runs of the contextual comparison (each is the whole campaign for both policies).</summary>
    public const int ContextualRuns = 20;

    public const string ContextArmColumn = "day_of_week";

    /// <summary>Monte Carlo draws per kind of user for the contextual ranking's slot probabilities.</summary>
    public const int ContextualSimulations = 2_000;

    /// <summary>Leads of the small-traffic comparison: roughly a busy agent's year of texted leads.</summary>
    public const int SmallTraffic = 2_000;

    public const int SmallTrafficRuns = 200;

    /// <summary>Segment facts of the contextual simulation: previous-campaign outcome (strong) × job (many levels).</summary>
    public static readonly string[] ContextColumns = ["poutcome", "job"];

    /// <summary>Candidate prior strengths (pseudo-impressions) for the learned policy; 0 stands for the flat Beta(1,1).</summary>
    public static readonly int[] PriorStrengths = [0, 100, 1_000, 10_000];

    private const int FlatPrior = 0;

    public string Name => "bot-lift";

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = new List<EvalMeasurement>();
        foreach (var campaign in new[] { "men", "women" })
        {
            var random = Find("open-bandit-dataset", "random", campaign, $"{campaign}.csv.gz");
            var bts = Find("open-bandit-dataset", "bts", campaign, $"{campaign}.csv.gz");
            if (random is null || bts is null)
            {
                context.Report($"bot-lift: open-bandit {campaign} skipped (log not found)");
                continue;
            }

            context.Report($"bot-lift: open-bandit {campaign}");
            results.Add(await Task.Run(() => MeasureCampaign(context, campaign, random, bts), cancellationToken));
        }

        var bank = Find("bank-marketing", "bank-additional-full.csv.gz");
        if (bank is not null)
        {
            foreach (var column in new[] { "contact", "day_of_week" })
            {
                context.Report($"bot-lift: bank-marketing simulation by {column}");
                results.Add(await Task.Run(() => MeasureSimulation(context, bank, column), cancellationToken));
            }

            // Campaign-sized traffic, and the traffic of one agent's year, where pooling across segments should matter most.
            foreach (var (contacts, runs) in new[] { (0, ContextualRuns), (SmallTraffic, SmallTrafficRuns) })
            {
                context.Report($"bot-lift: bank-marketing contextual simulation ({(contacts == 0 ? "campaign size" : contacts.ToString(System.Globalization.CultureInfo.InvariantCulture))})");
                results.Add(await Task.Run(() => MeasureContextual(context, bank, contacts, runs), cancellationToken));
            }
        }

        if (results.Count > 0)
        {
            results.Add(PolicyChoice.Measure(results, new VariantsOptions().Policy));
        }

        return results;
    }

    public static EvalMeasurement MeasureCampaign(EvalContext context, string campaign, string randomPath, string btsPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var watch = Stopwatch.StartNew();
        var randomLog = OpenBanditLog.Read(randomPath);
        var btsLog = OpenBanditLog.Read(btsPath);
        var actions = Math.Max(randomLog.Max(r => r.Action), btsLog.Max(r => r.Action)) + 1;

        // Validation: the TS policy's week-long action distribution (from its actions, never its clicks), valued on the random log.
        var btsPolicy = OpenBanditLog.ActionFrequencies(btsLog, actions);
        var validation = new OffPolicyEstimator(randomLog, btsPolicy, ClickRateModel.CrossFit(randomLog, actions));
        var ips = validation.Estimate((e, rows) => e.Ips(rows), Seed);
        var snips = validation.Estimate((e, rows) => e.Snips(rows), Seed);
        var dr = validation.Estimate((e, rows) => e.Dr(rows), Seed);
        var onPolicy = btsLog.Average(r => r.Reward ? 1.0 : 0.0);

        // Lift: our Thompson ranking fitted on the first half of the random log, valued on the second half. Its prior
        // (strength m around the training click rate) is chosen on an inner split of the training half only.
        var half = randomLog.Count / 2;
        var train = randomLog.Take(half).ToList();
        var test = randomLog.Skip(half).ToList();
        var inner = train.Count / 2;
        var innerScores = PriorStrengths.ToDictionary(m => m, m =>
            new OffPolicyEstimator(train.Skip(inner).ToList(), ThompsonPolicy(train.Take(inner).ToList(), actions, m), ClickRateModel.Fit(train.Take(inner), actions)).Dr());
        var strength = innerScores.MaxBy(kv => kv.Value).Key;
        var ours = ThompsonPolicy(train, actions, strength);
        var learned = new OffPolicyEstimator(test, ours, ClickRateModel.Fit(train, actions));
        var uniform = test.Average(r => r.Reward ? 1.0 : 0.0);
        var ourValue = learned.Dr();
        var lifts = OffPolicyEstimator.Bootstrap(test.Count, Seed + 1)
            .Select(rows => learned.Dr(rows) / Math.Max(1e-12, rows.Average(i => test[i].Reward ? 1.0 : 0.0)) - 1)
            .ToArray();
        var flat = new OffPolicyEstimator(test, ThompsonPolicy(train, actions, FlatPrior), ClickRateModel.Fit(train, actions)).Dr();

        // The contextual option on the same split, same reward model, same estimators and resamples: its noise scale is
        // chosen on the same inner split as the segment policy's prior strength.
        var innerRows = train.Skip(inner).ToList();
        var innerModel = ClickRateModel.Fit(train.Take(inner), actions);
        var innerNoise = ContextualRankingPolicy.NoiseScales.ToDictionary(v => v, v =>
        {
            var policy = ContextualRankingPolicy.Fit(train.Take(inner).ToList(), actions, v, ContextualSimulations, Seed);
            return new OffPolicyEstimator(innerRows, policy.Of(innerRows), _ => innerModel).Dr();
        });
        var noise = innerNoise.MaxBy(kv => kv.Value).Key;
        var contextualPolicy = ContextualRankingPolicy.Fit(train, actions, noise, ContextualSimulations, Seed);
        var testModel = ClickRateModel.Fit(train, actions);
        var contextual = new OffPolicyEstimator(test, contextualPolicy.Of(test), _ => testModel);
        var comparison = Compare(learned, contextual);

        var metrics = new Dictionary<string, double>
        {
            ["ips"] = ips.Value,
            ["ips_ci_low"] = ips.Low,
            ["ips_ci_high"] = ips.High,
            ["snips"] = snips.Value,
            ["snips_ci_low"] = snips.Low,
            ["snips_ci_high"] = snips.High,
            ["dr"] = dr.Value,
            ["dr_ci_low"] = dr.Low,
            ["dr_ci_high"] = dr.High,
            ["on_policy_value"] = onPolicy,
            ["estimator_validated"] = dr.Contains(onPolicy) ? 1 : 0,
            ["ips_validated"] = ips.Contains(onPolicy) ? 1 : 0,
            ["snips_validated"] = snips.Contains(onPolicy) ? 1 : 0,
            ["uniform_value"] = uniform,
            ["policy_value"] = ourValue,
            ["relative_lift"] = ourValue / uniform - 1,
            ["lift_ci_low"] = OffPolicyEstimator.Quantile(lifts, 0.025),
            ["lift_ci_high"] = OffPolicyEstimator.Quantile(lifts, 0.975),
            ["prior_strength"] = strength,
            ["relative_lift_flat_prior"] = flat / uniform - 1,
            ["contextual_noise"] = noise,
            ["contextual_contexts"] = test.Select(r => string.Join('|', r.Context ?? [])).Distinct(StringComparer.Ordinal).Count(),
            ["contextual_relative_lift"] = comparison.Contextual.Dr.Value / uniform - 1,
        };
        comparison.AddTo(metrics);

        var chart = BotLiftCharts.Estimates(context, $"open-bandit-{campaign}", [("IPS", ips), ("SNIPS", snips), ("DR", dr)], onPolicy);
        return new EvalMeasurement($"open-bandit-{campaign}", metrics)
        {
            Charts = [chart],
            Notes =
            [
                $"{randomLog.Count:N0} uniform-random and {btsLog.Count:N0} Bernoulli-TS impressions, {actions} items x {OpenBanditLog.Slots} slots; clicks: random {randomLog.Count(r => r.Reward)}, TS {btsLog.Count(r => r.Reward)}.",
                "Validation: the TS policy is its week-long action distribution per slot, read from the TS log's actions only (not its clicks); its value is estimated on the random log and compared with the TS log's click rate (on_policy_value). estimator_validated = DR's interval contains it; ips_/snips_validated likewise.",
                $"DR's reward model: per-item click rate shrunk by {ClickRateModel.PriorImpressions} pseudo-impressions times a slot factor, cross-fitted on even/odd rows. Intervals: {OffPolicyEstimator.BootstrapSamples} bootstrap resamples of rows (seed {Seed}), percentile 95%.",
                $"Lift: Thompson ranking ({PolicySimulations:N0} Monte Carlo draws for its slot probabilities) fitted on the first {train.Count:N0} random-log rows, DR-valued on the last {test.Count:N0} against the uniform policy's observed rate there; interval from paired bootstrap. Prior Beta(m*rate, m*(1-rate)) around the training click rate, m chosen among {string.Join(", ", PriorStrengths)} by DR value on an inner split of the training half (chosen: {strength}; inner values {string.Join(", ", innerScores.Select(kv => $"{kv.Key}: {kv.Value:0.00000}"))}); m = 0 means a flat Beta(1,1); relative_lift_flat_prior is the policy with that flat prior.",
                $"The seed's \"+20% bot lift\" measured here: {ourValue / uniform - 1:+0%;-0%} with 95% interval [{OffPolicyEstimator.Quantile(lifts, 0.025):+0%;-0%}, {OffPolicyEstimator.Quantile(lifts, 0.975):+0%;-0%}] — {(OffPolicyEstimator.Quantile(lifts, 0.975) < 0.2 ? "+20% lies above the interval" : "+20% is within reach of the interval")} (a fashion log, not real-estate bots).",
                $"Contextual vs segment (issue 16, item 2): on the same {test.Count:N0} held-out rows, with the same reward model and bootstrap resamples, the segment (non-contextual) Thompson ranking above and the contextual one: per item a Bayesian linear model over intercept + one-hots of the log's {train.FirstOrDefault().Context?.Count ?? 0} user features (ridge {ContextualThompson.Ridge}), Thompson ranking with {ContextualSimulations:N0} Monte Carlo draws per kind of user, noise v chosen among {string.Join(", ", ContextualRankingPolicy.NoiseScales)} by DR on the inner split (chosen {noise}; inner values {string.Join(", ", innerNoise.Select(kv => $"{kv.Key}: {kv.Value:0.00000}"))}).",
                $"segment: IPS {comparison.Segment.Ips.Value:0.00000} [{comparison.Segment.Ips.Low:0.00000}, {comparison.Segment.Ips.High:0.00000}], SNIPS {comparison.Segment.Snips.Value:0.00000} [{comparison.Segment.Snips.Low:0.00000}, {comparison.Segment.Snips.High:0.00000}], DR {comparison.Segment.Dr.Value:0.00000} [{comparison.Segment.Dr.Low:0.00000}, {comparison.Segment.Dr.High:0.00000}]; contextual: IPS {comparison.Contextual.Ips.Value:0.00000} [{comparison.Contextual.Ips.Low:0.00000}, {comparison.Contextual.Ips.High:0.00000}], SNIPS {comparison.Contextual.Snips.Value:0.00000} [{comparison.Contextual.Snips.Low:0.00000}, {comparison.Contextual.Snips.High:0.00000}], DR {comparison.Contextual.Dr.Value:0.00000} [{comparison.Contextual.Dr.Low:0.00000}, {comparison.Contextual.Dr.High:0.00000}]; contextual − segment (DR, paired bootstrap) {comparison.Difference:+0.00000;-0.00000} [{comparison.DifferenceLow:+0.00000;-0.00000}, {comparison.DifferenceHigh:+0.00000;-0.00000}]: {PolicyChoice.Verdict(comparison.DifferenceLow, comparison.DifferenceHigh)}.",
                "Peer baseline (numpy/pandas, same protocol): /usr/bin/python3 evals/baselines/bot_lift_baseline.py data.",
                $"took {watch.Elapsed.TotalSeconds:0.0} s",
            ],
        };
    }

    public static EvalMeasurement MeasureSimulation(EvalContext context, string bankPath, string column)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (contacts, byLevel) = BankMarketingRates.ByColumn(bankPath, column);
        var rates = byLevel.Values.ToArray();
        var result = BanditSimulation.Run(rates, contacts, SimulationRuns, Seed);
        var metrics = new Dictionary<string, double>
        {
            ["arms"] = rates.Length,
            ["contacts"] = contacts,
            ["ts_conversions"] = result.Thompson.Conversions,
            ["ab_conversions"] = result.EqualSplit.Conversions,
            ["oracle_conversions"] = result.OracleConversions,
            ["ts_regret"] = result.Thompson.Regret,
            ["ab_regret"] = result.EqualSplit.Regret,
            ["conversion_gain"] = result.Thompson.Conversions / result.EqualSplit.Conversions - 1,
        };
        var chart = BotLiftCharts.Cumulative(context, $"bank-marketing-{column}", result);
        return new EvalMeasurement($"bank-marketing-sim-{column}", metrics)
        {
            Charts = [chart],
            Notes =
            [
                $"True arm rates = bank-marketing conversion rate per {column}: {string.Join(", ", byLevel.Select(kv => $"{kv.Key} {kv.Value:P1}"))}; {contacts:N0} simulated contacts (the campaign's size), {SimulationRuns} seeded runs, means reported.",
                "Thompson sampling (Beta(1,1), updated on every outcome) against a fixed equal split over the same arms; both see the same simulated responses (common random numbers). Regret = expected conversions lost against always using the best arm.",
            ],
        };
    }

    /// <summary>
    /// The policy decision: segment Thompson sampling against the contextual policy on simulated leads whose
    /// segments are <see cref="ContextColumns"/> (a strong fact like temperature, a many-level one like stage) and whose
    /// arms are the <see cref="ContextArmColumn"/> levels, at the campaign's per-cell rates.
    /// </summary>
    /// <param name="context">The eval context.</param>
    /// <param name="bankPath">The bank-marketing file.</param>
    /// <param name="leads">Simulated leads per run; 0 = the campaign's size.</param>
    /// <param name="runs">Seeded runs.</param>
    public static EvalMeasurement MeasureContextual(EvalContext context, string bankPath, int leads, int runs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (campaign, arms, contexts) = ContextualWorld.FromBankMarketing(bankPath, ContextArmColumn, ContextColumns);
        var contacts = leads > 0 ? leads : campaign;
        var watch = Stopwatch.StartNew();
        var r = ContextualSimulation.Run(contexts, arms.Count, contacts, runs, Seed);
        var metrics = new Dictionary<string, double>
        {
            ["arms"] = arms.Count,
            ["segments"] = contexts.Count,
            ["contacts"] = contacts,
            ["segment_value"] = r.Segment.Conversions / contacts,
            ["segment_conversions"] = r.Segment.Conversions,
            ["segment_conversions_ci_low"] = r.Segment.ConversionsLow,
            ["segment_conversions_ci_high"] = r.Segment.ConversionsHigh,
            ["segment_regret"] = r.Segment.Regret,
            ["contextual_value"] = r.Contextual.Conversions / contacts,
            ["contextual_conversions"] = r.Contextual.Conversions,
            ["contextual_conversions_ci_low"] = r.Contextual.ConversionsLow,
            ["contextual_conversions_ci_high"] = r.Contextual.ConversionsHigh,
            ["contextual_regret"] = r.Contextual.Regret,
            ["oracle_conversions"] = r.OracleConversions,
            ["contextual_minus_segment"] = r.Difference,
            ["contextual_minus_segment_ci_low"] = r.DifferenceLow,
            ["contextual_minus_segment_ci_high"] = r.DifferenceHigh,
            ["regret_ratio_contextual_to_segment"] = r.Contextual.Regret / r.Segment.Regret,
        };
        var verdict = r.DifferenceLow > 0 ? "contextual is better" : r.DifferenceHigh < 0 ? "segment-thompson is better" : "no significant difference";
        return new EvalMeasurement($"bank-marketing-contextual-{ContextArmColumn}{(leads > 0 ? $"-{leads}" : "")}", metrics)
        {
            Notes =
            [
                $"Leads: {contexts.Count} segments = {string.Join(" × ", ContextColumns)} of the bank-marketing campaign, drawn at their share of its {campaign:N0} contacts, {contacts:N0} simulated leads per run; arms: {ContextArmColumn} ({string.Join(", ", arms)}); true rate per (segment, arm) = the campaign's cell rate shrunk by {ContextualWorld.Shrinkage} pseudo-contacts towards the segment's rate.",
                $"segment-thompson: Beta(1,1) per (segment, arm). contextual: linear Thompson sampling per arm over intercept + one-hot segment facts (ridge {ContextualThompson.Ridge}, noise {ContextualThompson.Noise}). Same leads and responses for both (common random numbers), {r.Runs} seeded runs, 95% normal intervals over runs (paired for the difference); {watch.Elapsed.TotalSeconds:0} s.",
                $"Verdict: {verdict} (contextual − segment = {r.Difference:+0.0;-0.0} conversions, 95% [{r.DifferenceLow:+0.0;-0.0}, {r.DifferenceHigh:+0.0;-0.0}]; regret {r.Contextual.Regret:0.0} vs {r.Segment.Regret:0.0}).",
            ],
        };
    }

    /// <summary>Both learned policies valued on the same held-out rows by the three estimators, and their paired DR difference.</summary>
    private static PolicyComparison Compare(OffPolicyEstimator segment, OffPolicyEstimator contextual)
    {
        (OffPolicyEstimate Ips, OffPolicyEstimate Snips, OffPolicyEstimate Dr) All(OffPolicyEstimator e) =>
            (e.Estimate((x, rows) => x.Ips(rows), Seed), e.Estimate((x, rows) => x.Snips(rows), Seed), e.Estimate((x, rows) => x.Dr(rows), Seed));
        var differences = OffPolicyEstimator.Bootstrap(segment.Count, Seed + 2).Select(rows => contextual.Dr(rows) - segment.Dr(rows)).ToArray();
        return new PolicyComparison(All(segment), All(contextual), contextual.Dr() - segment.Dr(),
            OffPolicyEstimator.Quantile(differences, 0.025), OffPolicyEstimator.Quantile(differences, 0.975));
    }

    /// <summary>Slot probabilities of our Thompson ranking, item posteriors pooled over slots, prior of strength m at the log's rate (m = 0: Beta(1,1)).</summary>
    public static double[,] ThompsonPolicy(IReadOnlyList<LoggedImpression> training, int actions, int priorStrength)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rate = (training.Count(r => r.Reward) + 1.0) / (training.Count + 2.0);
        var posteriors = Enumerable.Range(0, actions)
            .Select(a => BetaArm.FromCounts(training.Count(r => r.Action == a), training.Count(r => r.Action == a && r.Reward),
                priorStrength == 0 ? 1 : priorStrength * rate, priorStrength == 0 ? 1 : priorStrength * (1 - rate)))
            .ToArray();
        return ThompsonSampling.SlotProbabilities(posteriors, OpenBanditLog.Slots, PolicySimulations, new Random(Seed));
    }

    private string? Find(params string[] parts)
    {
        try
        {
            var bundled = data.Bundled(parts);
            if (File.Exists(bundled))
            {
                return bundled;
            }
        }
        catch (DirectoryNotFoundException)
        {
            // No bundled folder next to this program: try the shared copy.
        }

        var shared = data.SharedDirectory();
        var path = shared is null ? null : Path.Combine([shared, .. parts]);
        return path is not null && File.Exists(path) ? path : null;
    }
}
