using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Properties;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Crm;

/// <summary>The running host finds leads as soon as they arrive (webhook or import), and demo leads can be removed.</summary>
public sealed class LeadDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_contact_posted_while_the_host_runs_is_found_by_name_at_once()
    {
        using var sender = new GoHighLevelSender();
        await using var host = await GoHighLevelWebhookTests.HostAsync(StoreProvider.Postgres, sender);
        using var client = host.CreateClient();
        (await ScoredLeadAsync(client, "score Visitor 6506")).ShouldBeNull();
        var contact = GoHighLevelSender.Fresh("ContactCreate");
        contact["name"] = "Visitor 6506";

        (await sender.PostAsync(client, contact, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = GoHighLevelWebhookTests.Store(host);
        var id = await db.Leads.Where(l => l.ExternalId == "nmFmQEsNgz6AVpgLVUJ0").Select(l => l.Id).SingleAsync(Ct);
        (await ScoredLeadAsync(client, "score Visitor 6506")).ShouldBe(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await ScoredLeadAsync(client, "score nmFmQEsNgz6AVpgLVUJ0")).ShouldBe(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_imported_lead_is_found_by_name_in_the_same_host_and_wins_over_demo_leads_of_that_name()
    {
        await using var host = new JorgeApiFactory((await TestStores.CreateEmptyAsync(StoreProvider.Postgres)).ConnectionString);
        using var client = host.CreateClient();
        await using (var db = GoHighLevelWebhookTests.Store(host))
        {
            db.Leads.AddRange(
                new Lead { Source = "bank-marketing", ExternalId = "row-1", DisplayName = "Marisol Quintero", IsDemo = true, NameIsGenerated = true },
                new Lead { Source = "bank-marketing", ExternalId = "row-2", DisplayName = "Marisol Quintero", IsDemo = true, NameIsGenerated = true });
            await db.SaveChangesAsync(Ct);
        }

        (await ScoredLeadAsync(client, "score Marisol Quintero")).ShouldBeNull();
        var folder = Directory.CreateTempSubdirectory("jorge-crm-import-").FullName;
        var file = Path.Combine(folder, "crm.csv");
        await File.WriteAllTextAsync(file, "id,name\nc-1,Marisol Quintero\nc-2,Visitor 6506\n", Ct);
        var map = Path.Combine(folder, "crm.map.json");
        await File.WriteAllTextAsync(map, """
            {
              "kind": "leads",
              "format": { "type": "csv", "delimiter": ",", "header": true },
              "constants": { "source": "crm-export" },
              "fields": [
                { "column": "id", "field": "externalId", "required": true },
                { "column": "name", "field": "displayName" }
              ]
            }
            """, Ct);

        await host.Services.GetRequiredService<ImportService>().ImportAsync(ImportKinds.Leads, file, map, null, Ct);

        await using var store = GoHighLevelWebhookTests.Store(host);
        var own = await store.Leads.Where(l => l.Source == "crm-export").ToDictionaryAsync(l => l.ExternalId, l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        (await ScoredLeadAsync(client, "score Marisol Quintero")).ShouldBe(own["c-1"]);
        (await ScoredLeadAsync(client, "score visitor 6506")).ShouldBe(own["c-2"]);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Removing_the_demo_deletes_its_leads_and_their_rows_and_keeps_Jorges_own_and_the_market(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        await using (var db = factory.CreateDbContext())
        {
            var demo = new Lead { Source = "bank-marketing", ExternalId = "row-1", DisplayName = "Ana Garcia", IsDemo = true };
            demo.Messages.Add(new Message { ExternalId = "m-demo", Channel = "sms", Text = "hi", SentAt = DateTime.UtcNow });
            demo.Outcomes.Add(new LeadOutcome { Key = "bank-marketing:row-1", Converted = true });
            var own = new Lead { Source = "gohighlevel", ExternalId = "c-1", DisplayName = "Ana Garcia" };
            own.Messages.Add(new Message { ExternalId = "m-own", Channel = "sms", Text = "hello", SentAt = DateTime.UtcNow });
            own.Outcomes.Add(new LeadOutcome { Key = "gohighlevel:c-1", Converted = false });
            db.Leads.AddRange(demo, own);
            db.Deals.AddRange(
                new Deal { ExternalId = "d-demo", Lead = demo, Value = 1, CommissionRate = 0.03m },
                new Deal { ExternalId = "d-generated", Lead = own, Value = 1, CommissionRate = 0.03m, IsGenerated = true },
                new Deal { ExternalId = "d-own", Lead = own, Value = 1, CommissionRate = 0.03m });
            db.Properties.Add(new Property { ParcelId = "P1" });
            await db.SaveChangesAsync(Ct);
        }

        using var services = Import.ImportServices.For(factory.Connection);
        var removed = await services.GetRequiredService<DemoDataRemover>().RemoveAsync(Ct);

        removed.ShouldBe(new DemoRemoval(Leads: 1, Messages: 1, Outcomes: 1, Deals: 2));
        await using var after = factory.CreateDbContext();
        (await after.Leads.Select(l => l.ExternalId).ToListAsync(Ct)).ShouldBe(["c-1"]);
        (await after.Messages.Select(m => m.ExternalId).ToListAsync(Ct)).ShouldBe(["m-own"]);
        (await after.LeadOutcomes.Select(o => o.Key).ToListAsync(Ct)).ShouldBe(["gohighlevel:c-1"]);
        (await after.Deals.Select(d => d.ExternalId).ToListAsync(Ct)).ShouldBe(["d-own"]);
        (await after.Properties.CountAsync(Ct)).ShouldBe(1);
    }

    /// <summary>The lead id the copilot scored for this question, or null when it called no scoring tool (asked back, or found nobody).</summary>
    private static async Task<string?> ScoredLeadAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/chat", new { text = question, conversationId = Guid.NewGuid().ToString() }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return body.GetProperty("toolCalls").EnumerateArray()
            .Where(c => c.GetProperty("function").GetString() == "score_lead")
            .Select(c => c.GetProperty("arguments").GetProperty("leadId").ToString())
            .FirstOrDefault();
    }
}
