using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Objections for a lead or a message, each with prepared responses retrieved from winning conversations. The model is
/// trained at first use on every annotated Persuasion For Good sentence (a few seconds; deterministic), the same recipe
/// the <c>objections</c> eval measures on held-out dialogues.
/// </summary>
public sealed partial class ObjectionService(DataLocator data, IDbContextFactory<JorgeDbContext> contexts, IConversationSearch search,
    ILogger<ObjectionService> logger)
{
    public const int MaxObjections = 3;
    public const int ResponsesPerObjection = 2;

    private readonly Lazy<Task<Trained>> trained = new(() => Task.Run(() => Train(data, logger)));

    public async Task<ObjectionMap> MapAsync() => (await trained.Value).Map;

    /// <summary>Objection probabilities for one message (none included), highest first.</summary>
    public async Task<IReadOnlyList<(string Objection, double Probability)>> ClassifyAsync(string text)
    {
        var t = await trained.Value;
        return t.Model.Distribution(text);
    }

    public async Task<ObjectionForecast> ForTextAsync(string text, CancellationToken cancellationToken)
    {
        var t = await trained.Value;
        var distribution = t.Model.Distribution(text);
        var items = await ItemsAsync(t, distribution.ToDictionary(d => d.Objection, d => d.Probability), _ => text, cancellationToken);
        return new ObjectionForecast(null, null, "the message given", 1, items, t.Map.Description);
    }

    public async Task<LeadObjections> ForLeadAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Id, l.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return new LeadObjections(null, BehaviorFailure.UnknownLead, $"There is no lead {leadId}.");
        }

        var inbound = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.SentAt).Take(50).Select(m => m.Text).ToListAsync(cancellationToken);
        var t = await trained.Value;
        Dictionary<string, double> probability;
        var strongest = new Dictionary<string, (double P, string Text)>(StringComparer.Ordinal);
        string basis;
        if (inbound.Count == 0)
        {
            // Nothing said yet: the corpus' base rates are the honest prediction, and the answer says so.
            probability = t.Prior;
            basis = "no messages from this lead yet: how often each objection is raised in the annotated corpus";
        }
        else
        {
            // P(raised at least once) = 1 - prod(1 - p_i) over the lead's messages.
            var notRaised = t.Model.Classes.ToDictionary(c => c, _ => 1.0, StringComparer.Ordinal);
            foreach (var text in inbound)
            {
                foreach (var (objection, p) in t.Model.Distribution(text))
                {
                    notRaised[objection] *= 1 - p;
                    if (!strongest.TryGetValue(objection, out var s) || p > s.P)
                    {
                        strongest[objection] = (p, text);
                    }
                }
            }

            probability = notRaised.ToDictionary(p => p.Key, p => 1 - p.Value, StringComparer.Ordinal);
            basis = $"the lead's last {inbound.Count} inbound message(s)";
        }

        var items = await ItemsAsync(t, probability, o => strongest.TryGetValue(o, out var s) ? s.Text : null, cancellationToken);
        return new LeadObjections(new ObjectionForecast(lead.Id, lead.DisplayName, basis, inbound.Count, items, t.Map.Description), null, null);
    }

    public async Task<IReadOnlyList<ObjectionPattern>> PatternsAsync() => (await trained.Value).Patterns;

    private async Task<IReadOnlyList<PredictedObjection>> ItemsAsync(Trained t, Dictionary<string, double> probability, Func<string, string?> evidence,
        CancellationToken cancellationToken)
    {
        var items = new List<PredictedObjection>();
        foreach (var (objection, p) in probability.Where(p => p.Key != ObjectionMap.None).OrderByDescending(p => p.Value).Take(MaxObjections))
        {
            var definition = t.Map.Definition(objection)!;
            var query = evidence(objection) ?? t.Examples.GetValueOrDefault(objection) ?? definition.Label;
            var found = await search.SearchAsync(new ConversationQuery(query, new ConversationFilter(Outcome: Outcomes.Won, Kind: ConversationKinds.Turn),
                ResponsesPerObjection), cancellationToken);
            var responses = found.Hits.Where(h => h.Response is not null)
                .Select(h => new PreparedResponse(ConversationsPlugin.Excerpt(h.Text, 160), ConversationsPlugin.Excerpt(h.Response!, 280), h.Corpus,
                    h.ExternalId, Math.Round(h.VectorScore, 3)))
                .ToList();
            items.Add(new PredictedObjection(objection, definition.Label, Math.Round(p * 100, 1), definition.Why, responses));
        }

        return items;
    }

    private static Trained Train(DataLocator data, ILogger logger)
    {
        var started = TimeProvider.System.GetTimestamp();
        var map = ObjectionMap.Load(data);
        var examples = ObjectionData.Read(data, map);
        var model = ObjectionModel.Train(examples);
        var prior = map.Classes.ToDictionary(c => c, c => examples.Count(e => e.Label == c) / (double)examples.Count, StringComparer.Ordinal);
        // The sentence the model finds most typical of each objection stands in as the search query when the lead said nothing.
        var typical = examples.Where(e => e.Label != ObjectionMap.None && TextTokens.Words(e.Text).Count >= 5)
            .GroupBy(e => e.Label)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Text, P: model.Distribution(e.Text).First(d => d.Objection == g.Key).Probability))
                .OrderByDescending(x => x.P).ThenBy(x => x.Text, StringComparer.Ordinal).First().Text);
        var patterns = ObjectionPatterns.Analyze(CorpusFiles.ReadPersuasionForGood(data), map);
        LogTrained(logger, examples.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return new Trained(map, model, prior, typical, patterns);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Objection model trained on {Sentences} annotated sentences in {Elapsed} ms")]
    private static partial void LogTrained(ILogger logger, int sentences, double elapsed);

    private sealed record Trained(ObjectionMap Map, ObjectionModel Model, Dictionary<string, double> Prior, Dictionary<string, string> Examples,
        IReadOnlyList<ObjectionPattern> Patterns);
}

public enum BehaviorFailure
{
    UnknownLead,
}

public sealed record LeadObjections(ObjectionForecast? Forecast, BehaviorFailure? Failure, string? Message);

/// <param name="Basis">What the prediction rests on, in words.</param>
public sealed record ObjectionForecast(long? LeadId, string? Name, string Basis, int MessagesUsed, IReadOnlyList<PredictedObjection> Objections, string Mapping);

public sealed record PredictedObjection(string Objection, string Label, double ProbabilityPercent, string MappedFrom, IReadOnlyList<PreparedResponse> PreparedResponses);

/// <param name="Objection">What the other side said in the winning conversation.</param>
/// <param name="Response">What the winning side answered.</param>
public sealed record PreparedResponse(string Objection, string Response, string Corpus, string ConversationId, double Similarity);
