using System.Text.Json;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// Channel-neutral answer. Renderers turn it into Markdown (web), an Adaptive Card (Teams) or plain text within
/// three SMS segments. Every number shown must come from a <see cref="AnswerFact"/> or a table cell a tool returned.
/// </summary>
public sealed record StructuredAnswer(string Text)
{
    /// <summary>What kind of answer this is: the kind the answering tool declared, or the agent's own ("clarification", "help", ...). Read by logs, evals and dashboards; renderers go by the answer's shape.</summary>
    public string Kind { get; init; } = "text";
    /// <summary>A short title for cards, e.g. "Hottest leads".</summary>
    public string? Title { get; init; }
    /// <summary>The first this-many facts are headline figures (large on a card).</summary>
    public int HeadlineFigures { get; init; }
    /// <summary>Caption above the table, e.g. "Comparable sales".</summary>
    public string? TableTitle { get; init; }
    public IReadOnlyList<AnswerFact> Facts { get; init; } = [];
    public AnswerTable? Table { get; init; }
    public AnswerChart? Chart { get; init; }
    /// <summary>Follow-ups the user can tap (Teams buttons) or type.</summary>
    public IReadOnlyList<SuggestedAction> Actions { get; init; } = [];
    /// <summary>The answering tool's result as JSON, for machine callers (a bot asking with <c>expectReplies</c> gets it as the reply's <c>value</c>); null for the agent's own answers.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>A labelled value and the tool it came from, e.g. ("Conversion probability", "72%", "Plugin.function").</summary>
public sealed record AnswerFact(string Label, string Value, string SourceTool);

public sealed record AnswerTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string SourceTool);

/// <summary>A series to draw: x labels, one or more named y series, optional lower/upper band.</summary>
public sealed record AnswerChart(string Title, IReadOnlyList<string> X, IReadOnlyDictionary<string, IReadOnlyList<double>> Series, string SourceTool)
{
    public IReadOnlyList<double>? Lower { get; init; }
    public IReadOnlyList<double>? Upper { get; init; }
    public string? YLabel { get; init; }
}

/// <summary>A button: <paramref name="Title"/> shown, <paramref name="Text"/> sent back as the user's next message.</summary>
public sealed record SuggestedAction(string Title, string Text);
