using System.Diagnostics;
using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Evals.Runner;

/// <summary>Runs the registered <see cref="IEvalSuite"/>s and applies the thresholds; the report says pass or fail.</summary>
public sealed class EvalRunner(IEnumerable<IEvalSuite> suites, ILogger<EvalRunner> logger)
{
    private readonly IReadOnlyList<IEvalSuite> _suites = suites.ToList();

    public IReadOnlyList<string> SuiteNames => _suites.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The suites to run: all of them when <paramref name="names"/> is empty, else exactly those named.</summary>
    public IReadOnlyList<IEvalSuite> Select(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (_suites.Count == 0)
        {
            throw new InvalidOperationException("No eval suite is registered, so there is nothing to evaluate.");
        }

        var duplicate = _suites.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two eval suites are both named '{duplicate.Key}'.");
        }

        if (names.Count == 0)
        {
            return _suites;
        }

        var unknown = names.Where(n => _suites.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown eval suite{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(n => $"'{n}'"))}; known suites: {string.Join(", ", SuiteNames)}.");
        }

        return names.Distinct(StringComparer.Ordinal).Select(n => _suites.First(s => s.Name == n)).ToList();
    }

    public async Task<EvalReport> RunAsync(
        IReadOnlyList<IEvalSuite> selected,
        ThresholdCatalog thresholds,
        string outputDirectory,
        IProgress<EvalProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(thresholds);
        Directory.CreateDirectory(outputDirectory);

        var runs = new List<EvalRunReport>();
        foreach (var suite in selected)
        {
            progress?.Report(new EvalProgress(suite.Name, EvalProgressKind.Started, "starting"));
            var watch = Stopwatch.StartNew();
            var context = new EvalContext(outputDirectory, new StepProgress(suite.Name, progress));
            try
            {
                var measurements = await suite.RunAsync(context, cancellationToken);
                if (measurements.Count == 0)
                {
                    runs.Add(Failed(suite.Name, "The suite measured nothing (no data set ran)."));
                }

                runs.AddRange(measurements.Select(m => ThresholdEvaluator.Evaluate(suite.Name, m, thresholds.For(suite.Name, m.Dataset))));
                logger.LogInformation("Eval suite {Suite} measured {Runs} data sets in {ElapsedMs} ms", suite.Name, measurements.Count, watch.ElapsedMilliseconds);
                progress?.Report(new EvalProgress(suite.Name, EvalProgressKind.Finished, $"{measurements.Count} data sets in {watch.Elapsed.TotalSeconds:0.0} s"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken suite must not hide the others' results; it fails the report instead.
                logger.LogError(ex, "Eval suite {Suite} failed", suite.Name);
                runs.Add(Failed(suite.Name, $"The suite failed: {ex.GetBaseException().Message}"));
                progress?.Report(new EvalProgress(suite.Name, EvalProgressKind.Failed, ex.GetBaseException().Message));
            }
        }

        return new EvalReport(runs, runs.Count > 0 && runs.All(r => r.Passed));
    }

    private static EvalRunReport Failed(string suite, string reason) =>
        new(suite, "(none)", new Dictionary<string, double>(), new Dictionary<string, MetricThreshold>(), Passed: false)
        {
            Failures = [reason],
        };

    private sealed class StepProgress(string suite, IProgress<EvalProgress>? inner) : IProgress<string>
    {
        public void Report(string value) => inner?.Report(new EvalProgress(suite, EvalProgressKind.Step, value));
    }
}
