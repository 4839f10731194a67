using System.Text.Json;
using System.Text.Json.Serialization;
using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Evals.Runner;

/// <summary>
/// evals/thresholds.json: <c>{ "suite": { "dataset": { "metric": { "min": 0.79 } } } }</c>. Typos fail loudly (an
/// unknown key or a bound with neither min nor max is an error), because a misspelt threshold would silently gate nothing.
/// </summary>
public sealed class ThresholdCatalog
{
    public const string FileName = "thresholds.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, MetricThreshold>>> _bounds;

    private ThresholdCatalog(Dictionary<string, Dictionary<string, Dictionary<string, MetricThreshold>>> bounds, string source)
    {
        _bounds = bounds;
        Source = source;
    }

    /// <summary>Where the thresholds came from (a path, or "inline").</summary>
    public string Source { get; }

    public IEnumerable<string> Suites => _bounds.Keys;

    public static ThresholdCatalog Empty { get; } = new([], "none");

    public static ThresholdCatalog Parse(string json, string source = "inline")
    {
        Dictionary<string, Dictionary<string, Dictionary<string, MetricThreshold>>>? bounds;
        try
        {
            bounds = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, MetricThreshold>>>>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid thresholds file ({ex.Message})", ex);
        }

        bounds ??= [];
        foreach (var (suite, datasets) in bounds)
        {
            foreach (var (dataset, metrics) in datasets)
            {
                foreach (var (metric, bound) in metrics)
                {
                    if (bound is null || (bound.Min is null && bound.Max is null))
                    {
                        throw new InvalidDataException($"{source}: {suite}/{dataset}/{metric} has neither \"min\" nor \"max\".");
                    }
                }
            }
        }

        return new ThresholdCatalog(bounds, source);
    }

    public static ThresholdCatalog Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// The thresholds file: the copy the Evals project puts beside the program, else <c>evals/thresholds.json</c> in the
    /// repository the working directory is in (e.g. when run through <c>dotnet run</c> from a fresh clone).
    /// </summary>
    public static string Locate(string? startDirectory = null)
    {
        var besideProgram = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(besideProgram))
        {
            return besideProgram;
        }

        for (var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "evals", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FileName} was found neither beside the program nor in an evals/ folder above {Directory.GetCurrentDirectory()}.");
    }

    /// <summary>The bounds for one run; empty when the file sets none (the run then passes, marked "no thresholds").</summary>
    public IReadOnlyDictionary<string, MetricThreshold> For(string suite, string dataset) =>
        _bounds.TryGetValue(suite, out var datasets) && datasets.TryGetValue(dataset, out var metrics)
            ? metrics
            : new Dictionary<string, MetricThreshold>();
}
