namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>Accuracy and F1 per class and macro-averaged over the classes that occur in the truth (a class never seen scores nothing either way).</summary>
public static class MulticlassScores
{
    public static double Accuracy(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        return truth.Count == 0 ? double.NaN : truth.Where((t, i) => t == predicted[i]).Count() / (double)truth.Count;
    }

    public static double F1(IReadOnlyList<string> truth, IReadOnlyList<string> predicted, string label)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var tp = 0;
        var fp = 0;
        var fn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var t = truth[i] == label;
            var p = predicted[i] == label;
            tp += t && p ? 1 : 0;
            fp += !t && p ? 1 : 0;
            fn += t && !p ? 1 : 0;
        }

        return tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
    }

    public static double MacroF1(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return truth.Distinct(StringComparer.Ordinal).Average(label => F1(truth, predicted, label));
    }
}
