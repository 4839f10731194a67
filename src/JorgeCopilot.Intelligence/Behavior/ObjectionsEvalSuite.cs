using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Eval suite "objections" on Persuasion For Good: every annotated persuadee sentence, its act mapped to Jorge's
/// objections by objection-map.json, split by dialogue (<see cref="DialogueSplit"/>: no dialogue on both sides).
/// The model against the majority class ("no objection") and an unweighted logistic regression on the words alone.
/// </summary>
public sealed class ObjectionsEvalSuite(DataLocator data) : IEvalSuite
{
    public const string Dataset = "persuasion-for-good";

    public string Name => "objections";

    public Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run<IReadOnlyList<EvalMeasurement>>(() =>
        {
            var map = ObjectionMap.Load(data);
            var examples = ObjectionData.Read(data, map);
            var train = examples.Where(e => !DialogueSplit.IsTest(e.DialogueId)).ToList();
            var test = examples.Where(e => DialogueSplit.IsTest(e.DialogueId)).ToList();
            context.Report($"objections: {train.Count} training / {test.Count} held-out persuadee sentences");
            var truth = test.Select(e => e.Label).ToList();

            var model = ObjectionModel.Train(train);
            var predicted = model.PredictMany(test);
            var logistic = ObjectionModel.TrainLogistic(train).PredictMany(test);
            var majority = train.GroupBy(e => e.Label).OrderByDescending(g => g.Count()).First().Key;
            var baseline = test.Select(_ => majority).ToList();

            var metrics = new Dictionary<string, double>
            {
                ["macro_f1"] = MulticlassScores.MacroF1(truth, predicted),
                ["accuracy"] = MulticlassScores.Accuracy(truth, predicted),
                ["baseline_macro_f1"] = MulticlassScores.MacroF1(truth, baseline),
                ["baseline_accuracy"] = MulticlassScores.Accuracy(truth, baseline),
                ["logistic_macro_f1"] = MulticlassScores.MacroF1(truth, logistic),
                ["logistic_accuracy"] = MulticlassScores.Accuracy(truth, logistic),
                ["train_sentences"] = train.Count,
                ["test_sentences"] = test.Count,
            };
            foreach (var label in truth.Distinct().Order(StringComparer.Ordinal))
            {
                metrics[$"f1_{label}"] = MulticlassScores.F1(truth, predicted, label);
            }

            return
            [
                new EvalMeasurement(Dataset, metrics)
                {
                    Notes =
                    [
                        $"Persuadee sentences of the 300 annotated dialogues, acts mapped by data/persuasion-for-good/{ObjectionMap.FileName} to {string.Join(", ", map.Classes)} (commission has no source act and is never predicted).",
                        $"Split by dialogue (SplitMix64(FNV-1a(id) xor 1) < 0.2): {train.Select(e => e.DialogueId).Distinct().Count()} training / {test.Select(e => e.DialogueId).Distinct().Count()} held-out dialogues. Macro-F1 over the classes present in the held-out truth.",
                        "Model: word 1-2-gram + char 3-gram features of the sentence, L-BFGS maximum entropy with 1/sqrt(frequency) class weights. logistic_*: the same without class weights. baseline_*: always the majority class. Variants compared on this split (with the persuader's previous sentence as context, SDCA instead of L-BFGS) all scored macro-F1 0.49-0.50, so the choice carries little selection optimism.",
                        "Peer baseline (scikit-learn TF-IDF + logistic regression on the same split): /usr/bin/python3 evals/baselines/behavior_baseline.py",
                    ],
                },
            ];
        }, cancellationToken);
    }
}
