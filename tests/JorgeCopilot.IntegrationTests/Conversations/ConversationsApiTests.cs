using System.Net;
using System.Net.Http.Json;
using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Conversations;

public sealed class ConversationsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_finds_the_winning_conversation_that_matches_and_filters_by_outcome()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await AddAsync(store, Dialogue("won-price", true, "the price is too high for our budget", "we can look at homes closer to your budget"),
            Dialogue("won-timing", true, "we are not ready to move until the spring", "spring is a good time, let us plan for it"),
            Dialogue("lost-price", false, "the price is too high and we will wait", "fine, call me later"));

        var won = await client.GetFromJsonAsync<ConversationSearchResult>("/api/v1/conversations/search?q=price%20too%20high&top=1", Ct);
        var lost = await client.GetFromJsonAsync<ConversationSearchResult>("/api/v1/conversations/search?q=price%20too%20high&outcome=lost", Ct);

        won!.Hits.Single().ExternalId.ShouldBe("won-price");
        won.Store.ShouldBe("embedded");
        lost!.Hits.Select(h => h.ExternalId).ShouldBe(["lost-price"]);
    }

    [Fact]
    public async Task An_import_is_indexed_incrementally_writing_only_the_new_items()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(Ct);
        var indexer = factory.Services.GetRequiredService<ConversationIndexer>();
        await AddAsync(store, [.. Enumerable.Range(0, 4).SelectMany(i => new[]
        {
            Dialogue($"p{i}", true, "the price is too high for us", "let us look at the numbers"),
            Dialogue($"c{i}", i % 2 == 0, i < 2 ? "what commission do you charge" : "is the price negotiable at all", "we can talk about it"),
        })]);
        var first = await indexer.IndexAsync(Ct);

        await AddAsync(store, Dialogue("new", true, "is your commission negotiable", "yes, for a quick sale it is"));
        var second = await indexer.IndexAsync(Ct);
        var found = await factory.Services.GetRequiredService<IConversationSearch>()
            .SearchAsync(new ConversationQuery("commission negotiable", Top: 1), Ct);

        second.Version.ShouldBe(first.Version);
        second.Written.ShouldBe(2); // the new conversation and its objection turn
        second.Documents.ShouldBe(first.Documents + 2);
        found.Hits.Single().ExternalId.ShouldBe("new");
    }

    [Fact]
    public async Task The_embedding_is_refitted_once_the_corpus_has_grown_by_more_than_a_quarter()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(Ct);
        var indexer = factory.Services.GetRequiredService<ConversationIndexer>();
        await AddAsync(store, Dialogue("a", true, "the price is too high for us", "let us look at the numbers"),
            Dialogue("b", true, "the price is too high", "ok"));
        var first = await indexer.IndexAsync(Ct);

        await AddAsync(store, Dialogue("c", true, "is your commission negotiable", "yes"), Dialogue("d", true, "what commission do you charge", "two percent"));
        var second = await indexer.IndexAsync(Ct);

        second.Version.ShouldNotBe(first.Version);
        second.Written.ShouldBe(second.Documents);
    }

    [Fact]
    public async Task A_search_without_text_is_a_bad_request_with_problem_details()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/conversations/search?outcome=maybe", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Behavior_of_an_unknown_lead_is_not_found()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/leads/424242/behavior", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_lead_who_complained_about_money_gets_price_among_the_predicted_objections_with_prepared_responses()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await AddAsync(store, Dialogue("w1", true, "I don't want to pay that much, I won't donate today", "even 50 cents helps a child"),
            Dialogue("w2", true, "no, I will not be making a donation right now", "could you give just a little"));
        long leadId;
        await using (var db = store.CreateDbContext())
        {
            var lead = new Lead { Source = "crm", ExternalId = "L-1", DisplayName = "Ana Garcia" };
            lead.Messages.Add(new Message { ExternalId = "m1", Channel = "sms", Direction = MessageDirection.Inbound, Text = "No, I will not pay that much, sorry. I can't donate anything." });
            db.Leads.Add(lead);
            await db.SaveChangesAsync(Ct);
            leadId = lead.Id;
        }

        var response = await client.GetFromJsonAsync<LeadBehaviorResponse>($"/api/v1/leads/{leadId}/behavior", Ct);

        response!.Objections.MessagesUsed.ShouldBe(1);
        response.Objections.Objections.Select(o => o.Objection).ShouldContain("price");
        response.Objections.Objections.First(o => o.Objection == "price").PreparedResponses.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Best_contact_time_comes_from_the_slots_in_which_the_lead_replied()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(Ct);
        long leadId;
        await using (var db = store.CreateDbContext())
        {
            var lead = new Lead { Source = "crm", ExternalId = "L-9", DisplayName = "Maya Chen" };
            var tuesday = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
            for (var week = 0; week < 4; week++)
            {
                var morning = tuesday.AddDays(7 * week);
                lead.Messages.Add(new Message { ExternalId = $"o{week}", Channel = "sms", Direction = MessageDirection.Outbound, SentAt = morning, Text = "hi" });
                lead.Messages.Add(new Message { ExternalId = $"i{week}", Channel = "sms", Direction = MessageDirection.Inbound, SentAt = morning.AddHours(1), Text = "yes" });
                lead.Messages.Add(new Message { ExternalId = $"f{week}", Channel = "email", Direction = MessageDirection.Outbound, SentAt = morning.AddDays(3).AddHours(10), Text = "hello" });
            }

            db.Leads.Add(lead);
            await db.SaveChangesAsync(Ct);
            leadId = lead.Id;
        }

        var advice = await factory.Services.GetRequiredService<ContactTimingService>().ForLeadAsync(leadId, Ct);

        advice!.Source.ShouldBe("messages");
        advice.BestTimes[0].Key.ShouldBe("Tue morning");
        advice.Channels[0].Key.ShouldBe("sms");
        advice.MedianReplyHours.ShouldBe(1);
    }

    [Fact]
    public async Task Without_any_replies_in_the_store_contact_advice_falls_back_to_the_campaign_rates()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(Ct);
        long leadId;
        await using (var db = store.CreateDbContext())
        {
            var lead = new Lead { Source = "crm", ExternalId = "L-10", DisplayName = "Omar Haddad", Channel = "cellular" };
            db.Leads.Add(lead);
            await db.SaveChangesAsync(Ct);
            leadId = lead.Id;
        }

        var advice = await factory.Services.GetRequiredService<ContactTimingService>().ForLeadAsync(leadId, Ct);

        advice!.Source.ShouldBe("campaign");
        advice.BestTimes.Select(t => t.Key).ShouldBe(["mon", "tue", "wed", "thu", "fri"], ignoreOrder: true);
        advice.Channels.Select(c => c.Key).ShouldBe(["cellular", "telephone"], ignoreOrder: true);
    }

    private static async Task AddAsync(JorgeDbContextFactory store, params Conversation[] conversations)
    {
        await using var db = store.CreateDbContext();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync(Ct);
    }

    private static Conversation Dialogue(string id, bool won, string objection, string reply) => new()
    {
        Corpus = "crm",
        ExternalId = id,
        Succeeded = won,
        Turns =
        [
            new ConversationTurn { Index = 0, SpeakerRole = "agent", Text = "Hi, are you still looking to buy a home with us?" },
            new ConversationTurn { Index = 1, SpeakerRole = "lead", Text = objection },
            new ConversationTurn { Index = 2, SpeakerRole = "agent", Text = reply },
        ],
    };
}
