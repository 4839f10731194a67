using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Variants;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary><c>recommend_timing</c> on a real store: Behavior's timing model read for follow-ups and escalations.</summary>
public sealed class TimingRecommenderTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_follow_up_goes_at_the_best_answered_slot_and_channel_after_twice_the_leads_usual_reply_time()
    {
        var (recommender, leadId) = await SeedAsync();

        var r = (await recommender.RecommendAsync(leadId, TimingRecommender.FollowUp, Ct)).ShouldNotBeNull();

        r.When.ShouldBe("Mon morning");
        r.Channel.ShouldBe("email");
        r.WaitHours.ShouldBe(6.0);
        r.Times[0].ReplyRatePct.ShouldBeGreaterThan(r.Times[^1].ReplyRatePct);
        r.ChannelRates.ShouldStartWith("email ");
    }

    [Fact]
    public async Task An_escalation_moves_to_the_best_other_channel_at_once()
    {
        var (recommender, leadId) = await SeedAsync();

        var r = (await recommender.RecommendAsync(leadId, TimingRecommender.ParsePurpose("when should we escalate her"), Ct)).ShouldNotBeNull();

        r.Purpose.ShouldBe(TimingRecommender.Escalation);
        r.Channel.ShouldBe("sms");
        r.WaitHours.ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_lead_gets_no_recommendation()
    {
        var (recommender, _) = await SeedAsync();

        (await recommender.RecommendAsync(987_654, TimingRecommender.FollowUp, Ct)).ShouldBeNull();
    }

    // Two leads on email: emails on Monday mornings are answered in 3 h, texts on Wednesday evenings never are.
    private static async Task<(TimingRecommender Recommender, long LeadId)> SeedAsync()
    {
        var factory = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        long first = 0;
        await using (var db = factory.CreateDbContext())
        {
            for (var l = 0; l < 2; l++)
            {
                var lead = new Lead { Source = "test", ExternalId = $"t{l}", DisplayName = $"Lead {l}", Channel = "email" };
                db.Leads.Add(lead);
                await db.SaveChangesAsync(Ct);
                first = l == 0 ? lead.Id : first;
                for (var week = 0; week < 6; week++)
                {
                    var monday = Monday.AddDays(7 * week);
                    db.Messages.Add(Message(lead.Id, $"{l}-e{week}", MessageDirection.Outbound, "email", monday));
                    db.Messages.Add(Message(lead.Id, $"{l}-r{week}", MessageDirection.Inbound, "email", monday.AddHours(3)));
                    db.Messages.Add(Message(lead.Id, $"{l}-s{week}", MessageDirection.Outbound, "sms", monday.AddDays(2).AddHours(10)));
                }
            }

            await db.SaveChangesAsync(Ct);
        }

        var timing = new ContactTimingService(factory, new DataLocator(Options.Create(new DataOptions())));
        return (new TimingRecommender(timing), first);
    }

    private static Message Message(long leadId, string id, MessageDirection direction, string channel, DateTime at) =>
        new() { ExternalId = id, LeadId = leadId, Direction = direction, Channel = channel, SentAt = at, Text = "hello" };
}
