using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class EngagementPlanTests
{
    private static readonly IReadOnlyList<BriefItem> Agenda =
    [
        new("Price", 60, "credibility-appeal", 70, "Homes here sold at list last month.", "persuasion-for-good 1"),
        new("Not ready", 40, "emotion-appeal", 55, "No rush: here is what waiting costs.", "persuasion-for-good 2"),
    ];

    private static readonly IReadOnlyList<StrategyWin> Strategies = [new("logical-appeal", 6, 10, "persuasion-for-good")];

    [Fact]
    public void The_first_touch_opens_with_the_winning_strategy_and_the_next_ones_pre_empt_objections_in_order()
    {
        var touches = EngagementPlan.Sequence(Agenda, Strategies, Contact(medianReplyHours: null), 4);

        touches.Select(t => t.Strategy).ShouldBe(["logical-appeal", "credibility-appeal", "emotion-appeal", "logical-appeal"]);
        touches[1].Aim.ShouldContain("Price");
        touches[1].ExampleAnswer.ShouldBe(Agenda[0].PreparedAnswer);
        touches.Select(t => t.Slot).ShouldBe(["Tue morning", "Thu evening", "Tue morning", "Thu evening"]);
        touches.ShouldAllBe(t => t.Channel == "sms");
    }

    [Fact]
    public void A_lead_who_answers_slowly_gets_touches_further_apart()
    {
        var quick = EngagementPlan.Sequence(Agenda, Strategies, Contact(medianReplyHours: 2), 3);
        var slow = EngagementPlan.Sequence(Agenda, Strategies, Contact(medianReplyHours: 100), 3);

        quick[1].Day.ShouldBe(EngagementPlan.MinGapDays);
        slow[1].Day.ShouldBeGreaterThan(quick[1].Day);
    }

    [Fact]
    public void A_strategy_is_counted_once_per_similar_conversation()
    {
        var hits = new[]
        {
            Hit("a", "logical-appeal", "logical-appeal", "emotion-appeal"),
            Hit("b", "logical-appeal"),
            Hit("c", "emotion-appeal"),
            Hit("d", "logical-appeal"),
        };

        var wins = EngagementPlan.WinningStrategies(hits);

        wins[0].ShouldBe(new StrategyWin("logical-appeal", 3, 4, "persuasion-for-good"));
        wins[1].Conversations.ShouldBe(2);
    }

    private static ContactAdvice Contact(double? medianReplyHours) => new(1, "Ana", "messages", "test",
        [new ShrunkRate("Tue morning", 3, 2, 0.5), new ShrunkRate("Thu evening", 2, 1, 0.4)], [new ShrunkRate("sms", 5, 3, 0.5)], medianReplyHours, "sms");

    private static ConversationHit Hit(string id, params string[] strategies) =>
        new(id, 1, "persuasion-for-good", id, ConversationKinds.Conversation, Outcomes.Won, null, strategies, "text", null, 1, 1, 0);
}
