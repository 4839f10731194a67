using JorgeCopilot.Core.Leads;
using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class ReplyPatternsTests
{
    private static readonly DateTime Tuesday9 = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_outbound_message_counts_as_answered_only_when_the_reply_comes_within_the_window()
    {
        var outcomes = ReplyPatterns.Outcomes(
        [
            Msg(MessageDirection.Outbound, Tuesday9),
            Msg(MessageDirection.Inbound, Tuesday9.AddHours(3)),
            Msg(MessageDirection.Outbound, Tuesday9.AddDays(1)),
            Msg(MessageDirection.Inbound, Tuesday9.AddDays(4)),
        ]);

        outcomes.Select(o => o.Answered).ShouldBe([true, false]);
        outcomes[0].Hours.ShouldBe(3);
    }

    [Fact]
    public void Two_replies_out_of_two_are_shrunk_toward_the_population_rate()
    {
        var rates = ReplyPatterns.Rates([("Tue morning", true), ("Tue morning", true)],
            new Dictionary<string, double> { ["Tue morning"] = 0.2, ["Fri evening"] = 0.3 }, overall: 0.25);

        var tuesday = rates.Single(r => r.Key == "Tue morning");
        tuesday.Rate.ShouldBe((2 + (ReplyPatterns.PriorStrength * 0.2)) / (2 + ReplyPatterns.PriorStrength), 1e-4);
        tuesday.Rate.ShouldBeLessThan(1);
        tuesday.Rate.ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public void A_slot_the_lead_never_got_a_message_in_keeps_the_population_rate()
    {
        var rates = ReplyPatterns.Rates([], new Dictionary<string, double> { ["Fri evening"] = 0.3 }, overall: 0.25);

        rates.Single().Rate.ShouldBe(0.3);
    }

    [Fact]
    public void Slots_name_the_weekday_and_part_of_day()
    {
        ReplyPatterns.Slot(Tuesday9).ShouldBe("Tue morning");
        ReplyPatterns.Slot(Tuesday9.AddHours(10)).ShouldBe("Tue evening");
    }

    private static Message Msg(MessageDirection direction, DateTime at) =>
        new() { ExternalId = Guid.NewGuid().ToString(), Channel = "sms", Direction = direction, SentAt = at, Text = "x" };
}
