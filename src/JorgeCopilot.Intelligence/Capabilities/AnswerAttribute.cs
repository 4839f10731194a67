namespace JorgeCopilot.Intelligence.Capabilities;

/// <summary>
/// How a kernel function's answer is presented, declared next to the function: its kind (a stable name dashboards and
/// logs can read), a title, how many leading facts are headline figures, and what the table holds. Renderers build the
/// web Markdown, the Teams card and the SMS text from this and the result's shape; none of them names a kind.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AnswerAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    /// <summary>Card title, e.g. "Hottest leads".</summary>
    public string? Title { get; init; }

    /// <summary>The first this-many facts are shown as large headline figures.</summary>
    public int HeadlineFigures { get; init; }

    /// <summary>Caption above the table, e.g. "Comparable sales".</summary>
    public string? TableTitle { get; init; }

    /// <summary>
    /// The function of the same plugin that answers about one row of this answer's list ("the second one" after a
    /// ranking means that lead's score, not the ranking again).
    /// </summary>
    public string? ItemFunction { get; init; }

    /// <summary>
    /// Result properties (facts or table columns, any casing) that hold dollars although their names do not say so,
    /// e.g. <c>ExpectedTotal</c>: shown with a dollar sign like the names that do (price, value, amount, low, high).
    /// </summary>
    public string[] Money { get; init; } = [];

    /// <summary>Result properties holding a fraction of one (0.877) that people read as a percentage (87.7%).</summary>
    public string[] Fractions { get; init; } = [];
}
