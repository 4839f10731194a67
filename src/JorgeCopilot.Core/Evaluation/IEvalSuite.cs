namespace JorgeCopilot.Core.Evaluation;

/// <summary>
/// One eval suite (e.g. "lead-scoring"). A capability registers its suite in DI; <c>jorge eval</c> runs them,
/// applies <c>evals/thresholds.json</c> and writes the report. Suites measure; they never decide pass/fail.
/// </summary>
public interface IEvalSuite
{
    /// <summary>Stable suite name as used in report.json and thresholds.json.</summary>
    string Name { get; }

    Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken);
}

/// <summary>The metrics one suite measured on one data set (metric keys in snake_case).</summary>
public sealed record EvalMeasurement(string Dataset, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Charts (PNG paths relative to the output directory) that illustrate this run.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    /// <summary>One-line notes for the Markdown report (protocol, split, caveats).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>What a suite gets to work with.</summary>
public sealed class EvalContext(string outputDirectory, IProgress<string>? progress = null)
{
    public string OutputDirectory { get; } = outputDirectory;

    public void Report(string message) => progress?.Report(message);

    /// <summary>Full path for a chart file, creating the output folder; returns the path relative to the report too.</summary>
    public (string FullPath, string RelativePath) ChartPath(string suite, string fileName)
    {
        var relative = Path.Combine("charts", suite, fileName);
        var full = Path.Combine(OutputDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (full, relative.Replace('\\', '/'));
    }
}
