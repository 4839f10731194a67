namespace JorgeCopilot.Intelligence.Capabilities;

/// <summary>
/// A chart a function's result carries in a property named <c>Chart</c>: x labels, named series and an optional band
/// (e.g. an 80% interval). Web and Teams answers draw it as a PNG; SMS leaves it out.
/// </summary>
public sealed record ChartData(string Title, IReadOnlyList<string> X, IReadOnlyDictionary<string, IReadOnlyList<double>> Series)
{
    public IReadOnlyList<double>? Lower { get; init; }

    public IReadOnlyList<double>? Upper { get; init; }

    /// <summary>What the y axis measures, e.g. "Homes sold".</summary>
    public string? YLabel { get; init; }
}
