using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The questions the planner asks back instead of guessing (which lead, which home, a name it does not know) and the
/// pending call each leaves in the dialogue state, plus the planner's fixed answers (help, out of scope, not yet).
/// </summary>
public sealed class Clarifier(PromptCatalog prompts)
{
    public const string ClarificationKind = "clarification";
    private const int MaxChoices = 4;

    public ReplyDirectly WhichLead(ToolSpec tool, string parameter, Dictionary<string, object?> arguments, IReadOnlyList<LeadRef> candidates,
        IReadOnlyList<string> words, DialogueState state)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(state);
        var shown = candidates.Take(MaxChoices).ToList();
        var options = shown.Select(c => $"{c.Name} (lead {c.Id.ToString(CultureInfo.InvariantCulture)})").ToList();
        var list = options.Count == 1 ? options[0] : string.Join(", ", options[..^1]) + " or " + options[^1];
        var who = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', words));
        var more = candidates.Count > shown.Count ? " " + prompts.Get("answers/clarify_more.md").Trim() : "";
        state.Pending = Pending(tool, parameter, arguments);
        state.Pending.Candidates = shown.Select(c => new PendingCandidate(c.Id, c.Name)).ToList();
        var text = prompts.Render("answers/clarify_lead.md", new Dictionary<string, string> { ["who"] = who, ["options"] = list }) + more;
        return new ReplyDirectly(new StructuredAnswer(text)
        {
            Kind = ClarificationKind,
            Actions = shown.Select(c => new SuggestedAction(c.Name, $"lead {c.Id.ToString(CultureInfo.InvariantCulture)}")).ToList(),
        });
    }

    public ReplyDirectly ForLead(ToolSpec tool, string parameter, Dictionary<string, object?> arguments, DialogueState state, IReadOnlyList<string> unknownWords)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(unknownWords);
        state.Pending = Pending(tool, parameter, arguments);
        var text = unknownWords.Count > 0
            ? prompts.Render("answers/lead_not_found_by_name.md", new Dictionary<string, string> { ["name"] = AnswerComposer.Clip(string.Join(' ', unknownWords)) })
            : prompts.Get("answers/clarify_which_lead.md").Trim();
        return new ReplyDirectly(new StructuredAnswer(text) { Kind = ClarificationKind });
    }

    /// <summary>Asks for what the tool needs one of (a home, by default), in the wording its capability declared.</summary>
    public ReplyDirectly ForMissing(ToolSpec tool, string parameter, Dictionary<string, object?> arguments, DialogueState state)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(state);
        state.Pending = Pending(tool, parameter, arguments);
        var ask = tool.Presentation.AskWhenMissing ?? "answers/clarify_property.md";
        return new ReplyDirectly(new StructuredAnswer(prompts.Get(ask).Trim()) { Kind = ClarificationKind });
    }

    public ReplyDirectly LeadNotFound(long id) =>
        new(new StructuredAnswer(prompts.Render("answers/lead_not_found.md", new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) }))
        {
            Kind = "not-found",
        });

    /// <summary>A fixed answer listing what the installed tools can do: help, greeting, out of scope, not yet, refusal.</summary>
    public ReplyDirectly Fixed(string kind, string template, IReadOnlyList<ToolSpec> tools) =>
        new(new StructuredAnswer(prompts.Render(template, new Dictionary<string, string> { ["capabilities"] = CapabilityList.Describe(prompts, tools) })) { Kind = kind });

    private static PendingQuestion Pending(ToolSpec tool, string parameter, Dictionary<string, object?> arguments) => new()
    {
        Tool = tool.Key,
        Missing = parameter,
        Arguments = arguments.Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value is JsonElement e ? e : JsonSerializer.SerializeToElement(a.Value, a.Value!.GetType()), StringComparer.Ordinal),
    };
}
