using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Variants;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>Strategy effects read from conversations in the store: who used a strategy, and what that speaker got.</summary>
public sealed class StrategyPatternStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_negotiators_strategy_is_credited_with_their_own_points_not_their_partners()
    {
        var factory = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        await using (var db = factory.CreateDbContext())
        {
            // Agent 1 always asks about preferences (question-led) and scores high; agent 2 never does and scores low.
            for (var i = 0; i < 30; i++)
            {
                db.Conversations.Add(new Conversation
                {
                    Corpus = StrategyPatternAnalyzer.Casino,
                    ExternalId = $"c{i}",
                    Succeeded = true,
                    Attributes = new() { ["agent_1_points"] = (22 + i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), ["agent_2_points"] = (14 + i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    Turns =
                    [
                        new ConversationTurn { Index = 0, SpeakerRole = "mturk_agent_1", Text = "What do you need most?", Labels = ["elicit-pref"] },
                        new ConversationTurn { Index = 1, SpeakerRole = "mturk_agent_2", Text = "Hello!", Labels = ["small-talk"] },
                    ],
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        var effects = await new StrategyPatternAnalyzer(factory).AnalyzeAsync(Ct);

        var questionLed = effects.Single(e => e.Corpus == StrategyPatternAnalyzer.Casino && e.Strategy == Strategies.QuestionLed);
        questionLed.UsedCount.ShouldBe(30);
        questionLed.NotUsedCount.ShouldBe(30);
        questionLed.Difference.ShouldBe(8, 1e-9);
        questionLed.ClearlyPositive.ShouldBeTrue();
    }
}
