using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JorgeCopilot.IntegrationTests.Store;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_store_from_before_demo_marks_upgrades_with_its_rows_intact_and_its_demo_leads_marked(StoreProvider provider)
    {
        var factory = new JorgeDbContextFactory(await TestStores.CreateEmptyAsync(provider));
        await using (var db = factory.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            // Upgrading from just before the demo marks crosses that migration's data step and every later migration.
            var demoMarks = migrations.FindIndex(m => m.EndsWith("_AddCrmWebhooksAndDemoMarks", StringComparison.Ordinal));
            demoMarks.ShouldBeGreaterThan(0);
            await db.GetService<IMigrator>().MigrateAsync(migrations[demoMarks - 1], TestContext.Current.CancellationToken);
            // Rows written as the previous schema has them (the current model may have columns it lacks).
            foreach (var (source, id, name, attributes) in new[]
            {
                ("crm", "L-1", "Ana Garcia", """{"budget":"450000"}"""), ("crm", "L-2", "Luis Garcia", "{}"), ("bank-marketing", "row-000001", "Maria Lopez", "{}"),
            })
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO leads ("Source", "ExternalId", "DisplayName", "NameIsGenerated", "Stage", "Attributes") VALUES ({source}, {id}, {name}, {false}, {"new"}, {attributes})""",
                    TestContext.Current.CancellationToken);
            }
        }

        await factory.MigrateAsync(TestContext.Current.CancellationToken);

        await using (var db = factory.CreateDbContext())
        {
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            var leads = await db.Leads.Where(l => l.Source == "crm").OrderBy(l => l.ExternalId).ToListAsync(TestContext.Current.CancellationToken);
            leads.Select(l => l.DisplayName).ShouldBe(["Ana Garcia", "Luis Garcia"]);
            leads[0].Attributes["budget"].ShouldBe("450000");
            // The demo campaign's leads seeded before demo marks existed are marked by the upgrade; Jorge's own are not.
            (await db.Leads.Where(l => l.IsDemo).Select(l => l.ExternalId).ToListAsync(TestContext.Current.CancellationToken)).ShouldBe(["row-000001"]);
        }
    }
}
