using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Eval suite "timing" on bank-marketing, time split (rows are in time order: the first 80% learn, the last 20% test):
/// how well the contact-slot rates that <see cref="ContactTimingService"/> falls back on predict whether a contact
/// succeeds. Prediction = the success rate of the contact's weekday × channel cell, shrunk toward the overall rate with
/// the weight of <see cref="ReplyPatterns.PriorStrength"/> contacts (the same estimator as for reply rates).
/// baseline_* = the overall training rate for every contact. (Message-history reply rates are not measured: the bundled
/// data has no message history.)
/// </summary>
public sealed class TimingEvalSuite(DataLocator data) : IEvalSuite
{
    public const string Dataset = "bank-marketing";

    public string Name => "timing";

    public Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run<IReadOnlyList<EvalMeasurement>>(() =>
        {
            var rows = CampaignContactRates.Contacts(data);
            var cut = (int)(rows.Count * 0.8);
            var train = rows.Take(cut).ToList();
            var test = rows.Skip(cut).ToList();
            var overall = train.Count(r => r.Yes) / (double)train.Count;
            var cells = ReplyPatterns.Rates(train.Select(r => ($"{r.Day}/{r.Channel}", r.Yes)), new Dictionary<string, double>(), overall)
                .ToDictionary(r => r.Key, r => r.Rate);
            var predicted = test.Select(r => cells.GetValueOrDefault($"{r.Day}/{r.Channel}", overall)).ToList();
            var baseline = test.Select(_ => overall).ToList();
            var labels = test.Select(r => r.Yes).ToList();
            var metrics = new Dictionary<string, double>
            {
                ["brier"] = BinaryMetrics.Brier(predicted, labels),
                ["ece"] = BinaryMetrics.Ece(predicted, labels),
                ["auc"] = BinaryMetrics.Auc(predicted, labels),
                ["baseline_brier"] = BinaryMetrics.Brier(baseline, labels),
                ["baseline_ece"] = BinaryMetrics.Ece(baseline, labels),
                ["train_rate"] = overall,
                ["test_rate"] = labels.Count(y => y) / (double)labels.Count,
            };
            return
            [
                new EvalMeasurement(Dataset, metrics)
                {
                    Notes =
                    [
                        $"Time split: first {train.Count:N0} contacts learn, last {test.Count:N0} test (file order is time order). Cells: weekday x contact channel, shrunk toward the training rate ({overall:P1}) with the weight of {ReplyPatterns.PriorStrength} contacts.",
                        "The campaign's success rate drifts strongly over time (test rate vs train rate above), which no slot rate learned on the past can anticipate: ece is dominated by that drift, for the model and the baseline alike.",
                    ],
                },
            ];
        }, cancellationToken);
    }
}
