using System.Net;
using System.Net.Http.Json;
using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Behavior;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Behavior;

public sealed class BehaviorPlanningApiTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Decision_timeline_counts_open_leads_and_uses_days_when_conversions_take_time(StoreProvider provider)
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        var ids = await SeedLeadsAsync(store, converted: 30, open: 30);

        var timeline = await client.GetFromJsonAsync<DecisionTimeline>($"/api/v1/leads/{ids[^1]}/behavior/timeline", Ct);

        timeline!.Clock.ShouldBe("days");
        timeline.Status.ShouldBe("open");
        timeline.Leads.ShouldBe(60);
        timeline.Conversions.ShouldBe(30);
        // Open leads count: half of the leads converted, so the eventual share is at most 50%, not the 100% of converters alone.
        timeline.EventualPercent!.Value.ShouldBeLessThanOrEqualTo(50.01);
        timeline.Steps.ShouldNotBeEmpty();
        timeline.OtherClock.ShouldContain("touches");
    }

    [Fact]
    public async Task Referral_potential_without_recorded_referrers_says_which_data_is_needed()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        var ids = await SeedLeadsAsync(store, converted: 3, open: 1);

        var referral = await client.GetFromJsonAsync<ReferralPotential>($"/api/v1/leads/{ids[0]}/behavior/referral-potential", Ct);

        referral!.Supported.ShouldBeFalse();
        referral.IsClient.ShouldBeTrue();
        referral.NeededData!.ShouldContain("referred_by");
        referral.Signals.MessagesExchanged.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Referral_potential_counts_the_leads_that_name_the_client_as_referrer()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        var ids = await SeedLeadsAsync(store, converted: 4, open: 0);
        await using (var db = store.CreateDbContext())
        {
            db.Leads.AddRange(
                new Lead { Source = "crm", ExternalId = "R-1", DisplayName = "Friend One", Attributes = { ["referred_by"] = "C-0" } },
                new Lead { Source = "crm", ExternalId = "R-2", DisplayName = "Friend Two", Attributes = { ["referred_by"] = "Client 0" } },
                new Lead { Source = "crm", ExternalId = "R-3", DisplayName = "Friend Three", Attributes = { ["referred_by"] = "C-1" } });
            await db.SaveChangesAsync(Ct);
        }

        var referral = await client.GetFromJsonAsync<ReferralPotential>($"/api/v1/leads/{ids[0]}/behavior/referral-potential", Ct);

        referral!.Supported.ShouldBeTrue();
        referral.ReferralsMade.ShouldBe(2);
        referral.ClientReferralRatePercent.ShouldBe(50); // 2 of 4 clients referred
        referral.RepeatReferralRatePercent.ShouldBe(50); // one of those two referred twice
    }

    [Fact]
    public async Task Message_sequence_plans_the_asked_number_of_touches_with_strategies_from_won_conversations()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        var ids = await SeedLeadsAsync(store, converted: 2, open: 2);
        await using (var db = store.CreateDbContext())
        {
            db.Conversations.AddRange(Dialogue("w1", true, "the price is too high for me", "homes like this sold at list last month", "logical-appeal"),
                Dialogue("w2", true, "I can't pay that much right now", "let us look at what fits your budget", "logical-appeal"),
                Dialogue("l1", false, "too expensive", "ok", "emotion-appeal"));
            await db.SaveChangesAsync(Ct);
        }

        var sequence = await client.GetFromJsonAsync<MessageSequence>($"/api/v1/leads/{ids[^1]}/behavior/message-sequence?touches=3", Ct);

        sequence!.Touches.Select(t => t.Touch).ShouldBe([1, 2, 3]);
        sequence.WinningStrategies.Select(s => s.Strategy).ShouldContain("logical-appeal");
        sequence.WinningStrategies.Select(s => s.Strategy).ShouldNotContain("emotion-appeal");
        sequence.Touches[0].Strategy.ShouldBe("logical-appeal");
        sequence.Touches.Skip(1).ShouldAllBe(t => t.Aim.StartsWith("pre-empt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_many_touches_is_a_bad_request_and_an_unknown_lead_is_not_found()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        var ids = await SeedLeadsAsync(store, converted: 1, open: 1);

        using var tooMany = await client.GetAsync($"/api/v1/leads/{ids[0]}/behavior/message-sequence?touches=99", Ct);
        using var unknown = await client.GetAsync("/api/v1/leads/424242/behavior/meeting-strategy", Ct);

        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tooMany.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Content_preferences_rank_the_message_type_the_lead_answers()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        long leadId;
        await using (var db = store.CreateDbContext())
        {
            var lead = new Lead { Source = "crm", ExternalId = "Q-1", DisplayName = "Quinn", Attributes = { ["Last Activity"] = "Page Visited on Website" } };
            for (var i = 0; i < 8; i++)
            {
                var at = Start.AddDays(3 * i);
                var question = i % 2 == 0;
                lead.Messages.Add(new Message { ExternalId = $"q-o{i}", Channel = "sms", Direction = MessageDirection.Outbound, SentAt = at,
                    Text = question ? "Would Saturday work for a showing?" : "Here is the weekly market update for your area, with the new listings and the sales of the last seven days in your neighbourhood and the ones around it, as promised, plus a short note on what the spring usually brings for sellers like you." });
                if (question)
                {
                    lead.Messages.Add(new Message { ExternalId = $"q-i{i}", Channel = "sms", Direction = MessageDirection.Inbound, SentAt = at.AddHours(2), Text = "yes" });
                }
            }

            db.Leads.Add(lead);
            await db.SaveChangesAsync(Ct);
            leadId = lead.Id;
        }

        var content = await client.GetFromJsonAsync<ContentPreferences>($"/api/v1/leads/{leadId}/behavior/content-preferences", Ct);

        content!.Supported.ShouldBeTrue();
        content.ByType.First(t => t.Key == "question").Rate.ShouldBe(content.ByType[0].Rate);
        content.ByType.Single(t => t.Key == "long").Rate.ShouldBeLessThan(content.ByType[0].Rate);
        content.RecordedEngagement.ShouldContain("Last Activity: Page Visited on Website");
    }

    /// <summary>Converted leads decide after 10 to 68 days and get three texts each; open leads were created 200 days back.</summary>
    private static async Task<List<long>> SeedLeadsAsync(JorgeDbContextFactory store, int converted, int open)
    {
        await using var db = store.CreateDbContext();
        var leads = new List<Lead>();
        for (var i = 0; i < converted + open; i++)
        {
            var isClient = i < converted;
            var created = Start.AddDays(-200 + i);
            var lead = new Lead
            {
                Source = "crm", ExternalId = isClient ? $"C-{i}" : $"O-{i}", DisplayName = isClient ? $"Client {i}" : $"Open {i}", CreatedAt = created,
                Channel = "sms",
            };
            for (var m = 0; m < 3; m++)
            {
                lead.Messages.Add(new Message { ExternalId = $"{lead.ExternalId}-m{m}", Channel = "sms", Direction = MessageDirection.Outbound,
                    SentAt = created.AddDays(m + 1), Text = "Checking in about the house" });
            }

            if (isClient)
            {
                lead.Outcomes.Add(new LeadOutcome { Key = $"{lead.ExternalId}-won", Converted = true, OccurredAt = created.AddDays(10 + (2 * i)) });
            }

            leads.Add(lead);
        }

        db.Leads.AddRange(leads);
        await db.SaveChangesAsync(Ct);
        return leads.Select(l => l.Id).ToList();
    }

    private static Conversation Dialogue(string id, bool won, string objection, string reply, string strategy) => new()
    {
        Corpus = "crm",
        ExternalId = id,
        Succeeded = won,
        Turns =
        [
            new ConversationTurn { Index = 0, SpeakerRole = "agent", Text = "Hi, are you still looking to buy a home with us?" },
            new ConversationTurn { Index = 1, SpeakerRole = "lead", Text = objection },
            new ConversationTurn { Index = 2, SpeakerRole = "agent", Text = reply, Labels = [strategy] },
        ],
    };
}
