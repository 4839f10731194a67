using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class MessageContentTests
{
    [Fact]
    public void A_short_question_with_a_listing_link_and_a_price_has_all_four_types()
    {
        MessageContent.Types("Want to see it? https://example.com/123-main listed at $450k")
            .ShouldBe(["short (one SMS)", "link or listing", "question", "price or figures"], ignoreOrder: true);
    }

    [Fact]
    public void A_plain_long_update_is_only_long()
    {
        MessageContent.Types(new string('a', MessageContent.ShortLength + 1)).ShouldBe(["long"]);
    }
}
