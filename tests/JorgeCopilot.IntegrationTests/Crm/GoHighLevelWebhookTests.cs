using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Crm;

/// <summary>HighLevel deliveries posted to the real host over a real store: stored once, by natural keys, or refused with a reason.</summary>
public sealed class GoHighLevelWebhookTests
{
    private const string ContactId = "nmFmQEsNgz6AVpgLVUJ0";
    private const string OpportunityId = "wWhVuzqpRuOA1ZVWi4FC";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_contact_and_its_messages_become_one_lead_with_two_messages(bool legacyRsaSignature)
    {
        using var sender = new GoHighLevelSender(legacyRsaSignature);
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();

        foreach (var type in new[] { "ContactCreate", "InboundMessage", "OutboundMessage", "ContactUpdate" })
        {
            using var response = await sender.PostAsync(client, GoHighLevelSender.Fresh(type), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, type);
        }

        await using var db = Store(host);
        var lead = await db.Leads.Include(l => l.Messages).SingleAsync(l => l.Source == "gohighlevel" && l.ExternalId == ContactId, Ct);
        (lead.DisplayName, lead.Email, lead.Phone, lead.NameIsGenerated, lead.IsDemo).ShouldBe(("John Deo", "JohnDeo@gmail.com", "+919509597501", false, false));
        lead.Attributes["postalCode"].ShouldBe("452001");
        lead.Messages.Select(m => (m.ExternalId, m.Direction, m.Channel)).OrderBy(m => m.Direction).ShouldBe(
            [("tfVrxKkrrzEcfsBFFNrS", MessageDirection.Inbound, "sms"), ("ve9EPM428kjkvShlRW1KT", MessageDirection.Outbound, "sms")]);
        (await db.CrmWebhookEvents.CountAsync(Ct)).ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_stage_change_moves_the_deal_and_the_pipeline_figures(StoreProvider provider)
    {
        using var sender = new GoHighLevelSender();
        await using var host = await HostAsync(provider, sender);
        using var client = host.CreateClient();
        await SeedClosedDealsAsync(host);
        var before = await VelocityAsync(client);

        (await sender.PostAsync(client, GoHighLevelSender.Fresh("OpportunityCreate"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var opened = await VelocityAsync(client);
        (await sender.PostAsync(client, GoHighLevelSender.Fresh("OpportunityStageUpdate"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var contracted = await VelocityAsync(client);

        (before.Open, before.StillOpen, before.StillUnderContract).ShouldBe((0, 0, 0));
        (opened.Open, opened.StillOpen, opened.StillUnderContract).ShouldBe((1, 1, 0));
        (contracted.Open, contracted.StillOpen, contracted.StillUnderContract).ShouldBe((1, 0, 1));
        await using var db = Store(host);
        var deal = await db.Deals.SingleAsync(d => d.ExternalId == OpportunityId, Ct);
        (deal.Stage, deal.Value, deal.ContractedOn is not null, deal.IsGenerated).ShouldBe((DealStages.UnderContract, 450_000m, true, false));
    }

    [Fact]
    public async Task A_won_opportunity_closes_the_deal_and_records_the_leads_outcome()
    {
        using var sender = new GoHighLevelSender();
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();

        foreach (var type in new[] { "ContactCreate", "OpportunityCreate", "OpportunityStatusUpdate" })
        {
            (await sender.PostAsync(client, GoHighLevelSender.Fresh(type), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var db = Store(host);
        var deal = await db.Deals.Include(d => d.Lead).SingleAsync(d => d.ExternalId == OpportunityId, Ct);
        (deal.Stage, deal.ClosedOn is not null, deal.Lead!.Stage).ShouldBe((DealStages.Closed, true, LeadStages.Converted));
        var outcome = await db.LeadOutcomes.SingleAsync(o => o.LeadId == deal.LeadId, Ct);
        (outcome.Key, outcome.Converted, outcome.Value).ShouldBe(($"gohighlevel:{ContactId}", true, 450_000m));
    }

    [Fact]
    public async Task A_replayed_delivery_is_acknowledged_and_changes_nothing()
    {
        using var sender = new GoHighLevelSender();
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();
        var stageChange = GoHighLevelSender.Fresh("OpportunityStageUpdate");
        var body = Encoding.UTF8.GetBytes(stageChange.ToJsonString());
        (await sender.PostAsync(client, GoHighLevelSender.Fresh("OpportunityCreate"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sender.PostRawAsync(client, body, sign: true, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sender.PostAsync(client, GoHighLevelSender.Fresh("OpportunityStatusUpdate"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same stage-change delivery again, byte for byte: had it been applied, the won deal would reopen.
        using var replay = await sender.PostRawAsync(client, body, sign: true, Ct);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("already processed");
        await using var db = Store(host);
        (await db.Deals.SingleAsync(d => d.ExternalId == OpportunityId, Ct)).Stage.ShouldBe(DealStages.Closed);
        (await db.CrmWebhookEvents.CountAsync(e => e.WebhookId == stageChange["webhookId"]!.GetValue<string>(), Ct)).ShouldBe(1);
    }

    [Theory]
    [InlineData("missing", false)]
    [InlineData("another key", false)]
    [InlineData("another key", true)]
    [InlineData("tampered body", false)]
    [InlineData("tampered body", true)]
    [InlineData("not base64", false)]
    public async Task A_delivery_without_HighLevels_signature_is_401_and_stores_nothing(string fault, bool legacyRsaSignature)
    {
        using var sender = new GoHighLevelSender(legacyRsaSignature);
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();
        var body = Encoding.UTF8.GetBytes(GoHighLevelSender.Fresh("ContactCreate").ToJsonString());
        using var other = new GoHighLevelSender(legacyRsaSignature);

        using var response = fault switch
        {
            "missing" => await sender.PostRawAsync(client, body, sign: false, Ct),
            "another key" => await sender.PostRawAsync(client, body, sign: true, Ct, other.Sign(body)),
            "tampered body" => await sender.PostRawAsync(client, [.. body[..^2], (byte)' ', .. body[^2..]], sign: true, Ct, sender.Sign(body)),
            _ => await sender.PostRawAsync(client, body, sign: true, Ct, "%%%"),
        };

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var db = Store(host);
        (await db.Leads.CountAsync(Ct), await db.CrmWebhookEvents.CountAsync(Ct)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_stale_delivery_is_a_400_problem_naming_the_timestamp()
    {
        using var sender = new GoHighLevelSender();
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();
        var payload = GoHighLevelSender.Fresh("ContactCreate");
        payload["timestamp"] = DateTimeOffset.UtcNow.AddHours(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await sender.PostAsync(client, payload, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty("timestamp", out _).ShouldBeTrue();
        await using var db = Store(host);
        (await db.Leads.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_delivery_the_store_cannot_take_now_is_answered_429_and_lands_when_HighLevel_redelivers()
    {
        using var sender = new GoHighLevelSender();
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();
        var body = Encoding.UTF8.GetBytes(GoHighLevelSender.Fresh("ContactCreate").ToJsonString());

        // PostgreSQL refuses the delivery's receipt row with a serialization failure (SQLSTATE 40001), as under contention:
        // a transient fault. HighLevel redelivers only on 429; a 500 would lose the contact.
        await using (var db = Store(host))
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_receipt() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$;
                CREATE TRIGGER refuse_receipt BEFORE INSERT ON crm_webhook_events FOR EACH ROW EXECUTE FUNCTION refuse_receipt();
                """, Ct);
        }

        using var refused = await sender.PostRawAsync(client, body, sign: true, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(10));
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using (var db = Store(host))
        {
            // Nothing half-written: the lead rolled back with its receipt.
            (await db.Leads.CountAsync(Ct), await db.CrmWebhookEvents.CountAsync(Ct)).ShouldBe((0, 0));
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_receipt ON crm_webhook_events;", Ct);
        }

        using var redelivered = await sender.PostRawAsync(client, body, sign: true, Ct);

        redelivered.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = Store(host))
        {
            (await db.Leads.CountAsync(l => l.ExternalId == ContactId, Ct), await db.CrmWebhookEvents.CountAsync(Ct)).ShouldBe((1, 1));
        }
    }

    [Theory]
    [InlineData("{\"type\": \"ContactCreate\", \"id\": ", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("no webhookId", "webhookId")]
    [InlineData("no contactId", "contactId")]
    public async Task A_malformed_delivery_is_a_400_problem_naming_the_field(string body, string field)
    {
        using var sender = new GoHighLevelSender();
        await using var host = await HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateAnonymousClient();
        var bytes = body switch
        {
            "no webhookId" => Encoding.UTF8.GetBytes(Without(GoHighLevelSender.Fresh("ContactCreate"), "webhookId")),
            "no contactId" => Encoding.UTF8.GetBytes(Without(GoHighLevelSender.Fresh("InboundMessage"), "contactId")),
            _ => Encoding.UTF8.GetBytes(body),
        };

        using var response = await sender.PostRawAsync(client, bytes, sign: true, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        await using var db = Store(host);
        (await db.Leads.CountAsync(Ct), await db.CrmWebhookEvents.CountAsync(Ct)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Without_HighLevels_public_key_every_delivery_is_refused()
    {
        using var sender = new GoHighLevelSender();
        await using var host = new JorgeApiFactory((await TestStores.CreateEmptyAsync(StoreProvider.Sqlite)).ConnectionString);
        using var client = host.CreateAnonymousClient();

        using var response = await sender.PostAsync(client, GoHighLevelSender.Fresh("ContactCreate"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Ed25519PublicKeyPem");
    }

    internal static async Task<JorgeApiFactory> HostAsync(StoreProvider provider, GoHighLevelSender sender)
    {
        var host = new JorgeApiFactory((await TestStores.CreateEmptyAsync(provider)).ConnectionString, settings: sender.Settings);
        await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(Ct);
        return host;
    }

    internal static JorgeDbContext Store(JorgeApiFactory host) => host.Services.GetRequiredService<JorgeDbContextFactory>().CreateDbContext();

    private static string Without(System.Text.Json.Nodes.JsonObject payload, string field)
    {
        payload.Remove(field);
        return payload.ToJsonString();
    }

    /// <summary>Four closed deals of one of Jorge's leads, so the pipeline figures have a history to stand on.</summary>
    private static async Task SeedClosedDealsAsync(JorgeApiFactory host)
    {
        await using var db = Store(host);
        var lead = new Lead { Source = "test", ExternalId = "past", DisplayName = "Past Client" };
        db.Leads.Add(lead);
        for (var i = 0; i < 4; i++)
        {
            var created = new DateOnly(2024, 1 + (2 * i), 1);
            db.Deals.Add(new Deal
            {
                ExternalId = $"past-{i}", Lead = lead, Stage = DealStages.Closed, Value = 400_000, CommissionRate = 0.042m, Commission = 16_800,
                CreatedAt = created.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ContractedOn = created.AddDays(20), ClosedOn = created.AddDays(50),
            });
        }

        await db.SaveChangesAsync(Ct);
    }

    private static async Task<(int Open, int StillOpen, int StillUnderContract)> VelocityAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/business/velocity", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var velocity = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var stages = velocity.GetProperty("stages");
        return (velocity.GetProperty("openDeals").GetInt32(), stages[0].GetProperty("stillIn").GetInt32(), stages[1].GetProperty("stillIn").GetInt32());
    }
}
