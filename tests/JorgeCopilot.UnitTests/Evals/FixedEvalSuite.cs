using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.UnitTests.Evals;

/// <summary>A plain suite that returns what it is given (or throws), so the runner can be tested without models.</summary>
internal sealed class FixedEvalSuite(string name, params EvalMeasurement[] measurements) : IEvalSuite
{
    public string Name { get; } = name;

    public Exception? Throws { get; init; }

    public int Runs { get; private set; }

    public Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        Runs++;
        context.Report("measuring");
        if (Throws is not null)
        {
            throw Throws;
        }

        return Task.FromResult<IReadOnlyList<EvalMeasurement>>(measurements);
    }

    public static EvalMeasurement Measure(string dataset, params (string Metric, double Value)[] metrics) =>
        new(dataset, metrics.ToDictionary(m => m.Metric, m => m.Value));
}
