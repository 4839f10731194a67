using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class MulticlassScoresTests
{
    [Fact]
    public void Macro_f1_averages_the_f1_of_each_class_present_in_the_truth()
    {
        string[] truth = ["a", "a", "b", "b"];
        string[] predicted = ["a", "b", "b", "b"];

        // a: precision 1, recall 0.5 -> 2/3; b: precision 2/3, recall 1 -> 0.8.
        MulticlassScores.MacroF1(truth, predicted).ShouldBe(((2.0 / 3) + 0.8) / 2, 1e-12);
        MulticlassScores.Accuracy(truth, predicted).ShouldBe(0.75);
    }

    [Fact]
    public void Always_predicting_the_majority_scores_zero_on_the_minority_class()
    {
        string[] truth = ["none", "none", "none", "price"];
        string[] predicted = ["none", "none", "none", "none"];

        MulticlassScores.F1(truth, predicted, "price").ShouldBe(0);
        MulticlassScores.MacroF1(truth, predicted).ShouldBe(((2 * 3.0 / 7) + 0) / 2, 1e-12);
    }
}
