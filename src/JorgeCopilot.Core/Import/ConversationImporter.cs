using System.Globalization;
using JorgeCopilot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// A conversation corpus; one row = one utterance. Fields: corpus, conversationId, speakerRole, text, turn (orders the
/// utterances; file order otherwise), labels, succeeded, outcomeValue (succeeded defaults to outcomeValue &gt; 0), and
/// <c>attributes.*</c> fields copied onto the conversation. Related files: <c>outcomes</c> (conversationId,
/// outcomeValue, succeeded per conversation) and <c>labels</c> (conversationId, turn, speakerRole, labels: unioned into
/// the matching utterance). Turn index = position of the utterance in its conversation.
/// </summary>
internal sealed class ConversationImporter : IKindImporter
{
    private const string AttributePrefix = "attributes.";

    public string Kind => ImportKinds.Conversations;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var read = rows.Count;
        var conversations = new Dictionary<string, (Conversation Conversation, List<(MappedRow Row, int Order)> Rows)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var corpus = ImportContext.Required(row, "corpus");
            var id = ImportContext.Required(row, "conversationId");
            if (!conversations.TryGetValue(id, out var entry))
            {
                entry = (new Conversation { Corpus = corpus, ExternalId = id }, []);
                conversations[id] = entry;
            }

            entry.Rows.Add((row, entry.Rows.Count));
            var c = entry.Conversation;
            c.Succeeded ??= row.Values.GetValueOrDefault("succeeded") as bool?;
            c.OutcomeValue ??= row.GetDouble("outcomeValue");
            foreach (var (field, value) in row.Values)
            {
                if (field.StartsWith(AttributePrefix, StringComparison.OrdinalIgnoreCase) && value is not null)
                {
                    c.Attributes[field[AttributePrefix.Length..]] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                }
            }
        }

        var labels = new Dictionary<(string, int, string), List<string>>();
        foreach (var related in context.Mapping.Related)
        {
            var (file, mapping) = Resolve(context, related);
            var relatedRows = context.ReadAll(file, mapping);
            read += relatedRows.Count;
            foreach (var row in relatedRows)
            {
                var id = ImportContext.Required(row, "conversationId");
                if (related.Role == "outcomes" && conversations.TryGetValue(id, out var entry))
                {
                    var value = row.GetDouble("outcomeValue");
                    entry.Conversation.OutcomeValue = value ?? entry.Conversation.OutcomeValue;
                    entry.Conversation.Succeeded = row.Values.GetValueOrDefault("succeeded") as bool? ?? (value is { } v ? v > 0 : entry.Conversation.Succeeded);
                }
                else if (related.Role == "labels" && row.Get<List<string>>("labels") is { Count: > 0 } found)
                {
                    var key = (id, row.GetInt("turn") ?? -1, ImportContext.Required(row, "speakerRole"));
                    if (!labels.TryGetValue(key, out var all))
                    {
                        labels[key] = all = [];
                    }

                    all.AddRange(found.Where(l => !all.Contains(l)));
                }
            }
        }

        foreach (var (conversation, _) in conversations.Values)
        {
            if (conversation.Succeeded is null && conversation.OutcomeValue is { } value)
            {
                conversation.Succeeded = value > 0;
            }
        }

        var db = context.Db;
        var list = conversations.Values.Select(e => e.Conversation).ToList();
        var corpora = list.Select(c => c.Corpus).Distinct().ToList();
        var existing = (await db.Conversations.AsNoTracking().Where(c => corpora.Contains(c.Corpus))
                .Select(c => new { c.Corpus, c.ExternalId }).ToListAsync(context.CancellationToken))
            .Select(c => (c.Corpus, c.ExternalId)).ToHashSet();
        var added = list.Count(c => !existing.Contains((c.Corpus, c.ExternalId)));
        await new BulkUpsert<Conversation>(db, [nameof(Conversation.Corpus), nameof(Conversation.ExternalId)])
            .WriteAsync(list, context.Writing("conversations", list.Count), context.CancellationToken);

        var ids = await db.Conversations.AsNoTracking().Where(c => corpora.Contains(c.Corpus))
            .Select(c => new { c.Corpus, c.ExternalId, c.Id })
            .ToDictionaryAsync(c => (c.Corpus, c.ExternalId), c => c.Id, context.CancellationToken);
        var turns = new List<ConversationTurn>();
        foreach (var (conversation, utterances) in conversations.Values)
        {
            var conversationId = ids[(conversation.Corpus, conversation.ExternalId)];
            var index = 0;
            foreach (var (row, _) in utterances.OrderBy(u => u.Row.GetInt("turn") ?? 0).ThenBy(u => u.Order))
            {
                var role = ImportContext.Required(row, "speakerRole");
                var turnLabels = new List<string>(row.Get<List<string>>("labels") ?? []);
                if (labels.TryGetValue((conversation.ExternalId, row.GetInt("turn") ?? -1, role), out var extra))
                {
                    turnLabels.AddRange(extra.Where(l => !turnLabels.Contains(l)));
                }

                turns.Add(new ConversationTurn
                {
                    ConversationId = conversationId,
                    Index = index++,
                    SpeakerRole = role,
                    Text = row.GetString("text") ?? "",
                    Labels = turnLabels,
                });
            }
        }

        var existingTurns = (await db.ConversationTurns.AsNoTracking().Where(t => corpora.Contains(t.Conversation!.Corpus))
                .Select(t => new { t.ConversationId, t.Index }).ToListAsync(context.CancellationToken))
            .Select(t => (t.ConversationId, t.Index)).ToHashSet();
        var turnsAdded = turns.Count(t => !existingTurns.Contains((t.ConversationId, t.Index)));
        await new BulkUpsert<ConversationTurn>(db, [nameof(ConversationTurn.ConversationId), nameof(ConversationTurn.Index)])
            .WriteAsync(turns, context.Writing("turns", turns.Count), context.CancellationToken);
        return new ImportCounts(read, added + turnsAdded, list.Count - added + turns.Count - turnsAdded);
    }

    private static (string File, MappingFile Mapping) Resolve(ImportContext context, RelatedFile related)
    {
        var dataDir = Path.GetDirectoryName(Path.GetFullPath(context.File))!;
        var mapDir = context.Mapping.Path is { } p ? Path.GetDirectoryName(p)! : dataDir;
        var file = Path.Combine(dataDir, related.File);
        if (!File.Exists(file))
        {
            throw new ImportException(context.File, 0, null, $"related {related.Role} file {related.File} was not found beside it");
        }

        return (file, MappingFile.Load(Path.Combine(mapDir, related.Map)));
    }
}
