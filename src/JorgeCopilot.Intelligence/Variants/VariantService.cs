using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Variants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Variants for a lead: its segment's arms ranked by one Thompson draw, each arm's strategy rendered from the lead's
/// cleaned facts and grounded in winning corpus turns, every served variant logged with its propensity; outcomes
/// update the arm atomically and, at fixed looks, promote or retire strategies.
/// </summary>
public sealed partial class VariantService(
    JorgeDbContextFactory contexts,
    ExperimentStore store,
    VariantBandit bandit,
    VariantGenerator generator,
    IExemplarSource exemplars,
    IOptions<VariantsOptions> options,
    TimeProvider clock,
    ILogger<VariantService> logger,
    LlmVariantWriter? writer = null)
{
    public const int MaxVariants = 6;
    public const int ExemplarsPerVariant = 2;
    private static readonly string[] Goals = ["reply", "appointment", "conversion"];

    public async Task<VariantResult> GenerateAsync(VariantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count is < 1 or > MaxVariants)
        {
            return VariantResult.Fail(VariantFailure.InvalidRequest, $"Ask for 1 to {MaxVariants} variants.");
        }

        var goal = request.Goal.Trim().ToLowerInvariant();
        if (!Goals.Contains(goal))
        {
            return VariantResult.Fail(VariantFailure.InvalidRequest, "The goal must be reply, appointment or conversion.");
        }

        if (request.LeadId is null && request.Context is null)
        {
            return VariantResult.Fail(VariantFailure.InvalidRequest, "Give a lead id or the lead's context.");
        }

        var o = options.Value;
        var lead = await LoadLeadAsync(request, cancellationToken);
        if (lead is null)
        {
            return VariantResult.Fail(VariantFailure.LeadNotFound, $"No lead {request.LeadId}.");
        }

        if (lead.Phone is { } phone && await OptedOutAsync(phone, cancellationToken))
        {
            LogOptedOut(request.LeadId);
            return VariantResult.Fail(VariantFailure.OptedOut, "This lead has opted out of texts; nothing may be sent.");
        }

        var experiment = string.IsNullOrWhiteSpace(request.Experiment) ? $"default-{goal}" : request.Experiment.Trim();
        var segment = lead.Facts.Segment(o);
        var arms = await store.ArmsAsync(experiment, segment, o.Strategies, cancellationToken);
        var everySegment = bandit.IsContextual ? (await store.ExperimentsAsync(experiment, cancellationToken)).FirstOrDefault()?.Arms : null;
        var ranked = bandit.Rank(arms, request.Count, everySegment);
        var rotation = (int)((request.LeadId ?? 0) % 1000);
        var now = clock.GetUtcNow().UtcDateTime;
        var grounding = await exemplars.WinningTurnsAsync(
            new ExemplarQuery(Situation(goal, lead.Profile, lead.LastMessage), ranked.Select(r => r.Arm.Strategy).ToList(), ExemplarsPerVariant),
            cancellationToken);
        var drafts = writer is { Enabled: true } && ranked.Count > 0
            ? await writer.DraftAsync(new LlmVariantInput(ranked.Select(r => r.Arm.Strategy).ToList(), lead.Profile, goal, lead.LastMessage, grounding), cancellationToken)
            : null;
        var variants = new List<VariantOption>();
        var served = new List<ServedVariant>();
        foreach (var pick in ranked)
        {
            var written = drafts is null ? null : FromDraft(pick.Arm.Strategy, drafts, lead.LastMessage);
            if ((written ?? generator.Generate(pick.Arm.Strategy, lead.Profile, goal, rotation)) is not { } variant)
            {
                continue;
            }

            var cited = grounding.GetValueOrDefault(pick.Arm.Strategy) ?? [];
            var servedId = Guid.NewGuid();
            variants.Add(new VariantOption(servedId, pick.Arm.Id, variant.Strategy, variant.Tone, variant.Text, pick.Rank, pick.Propensity, variant.SmsSegments, cited, written is null ? VariantWriters.Templates : VariantWriters.Llm));
            served.Add(new ServedVariant
            {
                ServedId = servedId,
                ArmId = pick.Arm.Id,
                LeadId = request.LeadId,
                Rank = pick.Rank,
                Propensity = pick.Propensity,
                Tone = variant.Tone,
                ServedAt = now,
            });
        }

        await store.LogServedAsync(served, cancellationToken);
        LogServed(variants.Count, segment, experiment);
        return new VariantResult(new VariantSet(experiment, segment, goal, variants), VariantFailure.None, null);
    }

    public async Task<OutcomeRecording> RecordOutcomeAsync(Guid servedId, OutcomeLevel level, CancellationToken cancellationToken)
    {
        var (result, arm) = await store.RecordOutcomeAsync(servedId, level, cancellationToken);
        if (result == OutcomeRecording.Counted && arm is not null)
        {
            var segmentArms = await store.SegmentArmsAsync(arm.ExperimentId, arm.Segment, cancellationToken);
            var segmentTrials = segmentArms.Sum(a => a.Trials);
            if (segmentTrials % options.Value.LookEvery == 0)
            {
                var changes = bandit.Review(segmentArms);
                if (changes.Count > 0)
                {
                    await store.SetStatusAsync(changes, cancellationToken);
                    LogReview(changes.Count, segmentTrials);
                }
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<ExperimentView>> ExperimentsAsync(string? name, CancellationToken cancellationToken)
    {
        var experiments = await store.ExperimentsAsync(name, cancellationToken);
        var random = new Random(options.Value.Seed ?? 17);
        return experiments.Select(e =>
        {
            var views = new List<ArmStatusView>();
            foreach (var segment in e.Arms.GroupBy(a => a.Segment, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var arms = segment.OrderBy(a => a.Id).ToList();
                var best = bandit.ProbabilityBest(arms);
                views.AddRange(arms.Select((a, i) =>
                {
                    var posterior = BetaArm.FromCounts(a.Trials, a.Successes);
                    var (low, high) = CredibleInterval(posterior, random);
                    return new ArmStatusView(a.Id, a.Segment, a.Strategy, a.Status.ToString().ToLowerInvariant(), a.Trials, a.Successes,
                        posterior.Mean, low, high, best[i]);
                }));
            }

            return new ExperimentView(e.Name, OutcomeLevels.Name(e.Goal), e.Arms.Sum(a => a.Trials), e.Arms.Sum(a => a.Successes), views);
        }).ToList();
    }

    private static (double Low, double High) CredibleInterval(BetaArm posterior, Random random)
    {
        var draws = Enumerable.Range(0, 2_000).Select(_ => BetaSampler.Sample(random, posterior.Alpha, posterior.Beta)).ToArray();
        return (OffPolicyEstimator.Quantile(draws, 0.025), OffPolicyEstimator.Quantile(draws, 0.975));
    }

    /// <summary>The model's draft for a strategy when it passes every check; otherwise null and the templates write it.</summary>
    private GeneratedVariant? FromDraft(string strategy, IReadOnlyList<LlmDraft> drafts, string? leadMessage)
    {
        var draft = drafts.FirstOrDefault(d => d.Strategy == strategy);
        var rejection = VariantTextGuard.Rejection(strategy, draft?.Strategy, draft?.Tone, draft?.Text, leadMessage, options.Value.Strategies,
            options.Value.MaxSmsSegments);
        if (rejection is not null)
        {
            LogDraftRejected(strategy, rejection);
            return null;
        }

        var text = draft!.Text!.Trim();
        return new GeneratedVariant(strategy, draft.Tone!.Trim().ToLowerInvariant(), text, Core.Sms.SmsSegments.Count(text));
    }

    /// <summary>
    /// The retrieval query: the goal in words, the cleaned facts and the lead's last message (untrusted, but a search
    /// query only: it ranks corpus turns and is never copied into a variant).
    /// </summary>
    public static string Situation(string goal, LeadProfile profile, string? lastMessage)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var aim = goal switch
        {
            "appointment" => "agree to meet and talk, schedule a time",
            "conversion" => "agree to the deal and commit",
            _ => "get a reply, keep the conversation going",
        };
        var intent = profile.Intent switch
        {
            LeadIntent.Seller => "selling a home",
            LeadIntent.Buyer => "buying a home",
            _ => "",
        };
        var message = lastMessage is null ? "" : lastMessage.Length > MaxSituationMessage ? lastMessage[..MaxSituationMessage] : lastMessage;
        return string.Join(' ', new[] { message, intent, aim }.Where(p => p.Length > 0));
    }

    private const int MaxSituationMessage = 500;

    private sealed record LeadView(LeadFacts Facts, LeadProfile Profile, string? Phone, string? LastMessage);

    private async Task<LeadView?> LoadLeadAsync(VariantRequest request, CancellationToken cancellationToken)
    {
        var context = request.Context ?? new VariantContext();
        if (request.LeadId is not { } id)
        {
            return new LeadView(
                new LeadFacts(context.Temperature ?? "unknown", context.Stage ?? "unknown", context.Channel ?? "sms"),
                LeadProfile.From(context.FirstName, false, context.Intent, context.Area),
                context.Phone,
                context.LastMessage);
        }

        await using var db = contexts.CreateDbContext();
        var lead = await db.Leads.AsNoTracking()
            .Where(l => l.Id == id)
            .Select(l => new { l.DisplayName, l.NameIsGenerated, l.Stage, l.Channel, l.Phone, l.Attributes })
            .FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var subject = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var score = await db.PredictionLog.AsNoTracking()
            .Where(p => p.Task == "lead-scoring" && p.SubjectId == subject)
            .OrderByDescending(p => p.PredictedAt)
            .Select(p => (double?)p.Prediction)
            .FirstOrDefaultAsync(cancellationToken);
        var lastMessage = context.LastMessage ?? await db.Messages.AsNoTracking()
            .Where(m => m.LeadId == id && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.Text)
            .FirstOrDefaultAsync(cancellationToken);
        var temperature = context.Temperature ?? Attribute(lead.Attributes, "temperature") ?? LeadFacts.Band(score, options.Value);
        return new LeadView(
            new LeadFacts(temperature, context.Stage ?? lead.Stage, context.Channel ?? lead.Channel ?? "sms"),
            LeadProfile.From(lead.DisplayName, lead.NameIsGenerated,
                context.Intent ?? Attribute(lead.Attributes, "intent", "lead_type", "type"),
                context.Area ?? Attribute(lead.Attributes, "area", "city", "zip", "neighborhood")),
            lead.Phone ?? context.Phone,
            lastMessage);
    }

    private static string? Attribute(Dictionary<string, string> attributes, params string[] keys) =>
        keys.Select(k => attributes.FirstOrDefault(kv => string.Equals(kv.Key, k, StringComparison.OrdinalIgnoreCase)).Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private async Task<bool> OptedOutAsync(string phone, CancellationToken cancellationToken)
    {
        var forms = PhoneNumbers.OptOutForms(phone);
        if (forms.Count == 0)
        {
            return false;
        }

        await using var db = contexts.CreateDbContext();
        return await db.SmsOptOuts.AnyAsync(o => forms.Contains(o.PhoneNumber), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Served {Count} variants in segment {Segment} of experiment {Experiment}")]
    private partial void LogServed(int count, string segment, string experiment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM draft for {Strategy} rejected ({Reason}); the templates write it")]
    private partial void LogDraftRejected(string strategy, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Variants refused for lead {LeadId}: opted out of texts")]
    private partial void LogOptedOut(long? leadId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bandit review changed {Changes} arm statuses at {Trials} segment outcomes")]
    private partial void LogReview(int changes, long trials);
}
