using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class DialogueSplitTests
{
    [Theory]
    [InlineData("20180904-045349_715_live", 0.8816319679065502)]
    [InlineData("1", 0.04724562587346288)]
    public void The_split_matches_the_python_peer_baseline(string id, double expected)
    {
        // Values printed by the same function in evals/baselines/behavior_baseline.py.
        DialogueSplit.Uniform(id).ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void About_a_fifth_of_dialogues_are_held_out()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"dialogue-{i}").ToList();

        (ids.Count(DialogueSplit.IsTest) / (double)ids.Count).ShouldBe(0.2, 0.02);
    }
}
