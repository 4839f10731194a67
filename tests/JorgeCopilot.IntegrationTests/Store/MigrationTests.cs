using JorgeCopilot.Core.Leads;
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
    public async Task A_store_at_the_previous_migration_upgrades_with_its_rows_intact(StoreProvider provider)
    {
        var factory = new JorgeDbContextFactory(await TestStores.CreateEmptyAsync(provider));
        await using (var db = factory.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            migrations.Count.ShouldBeGreaterThanOrEqualTo(2);
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2], TestContext.Current.CancellationToken);
            db.Leads.Add(new Lead { Source = "crm", ExternalId = "L-1", DisplayName = "Ana Garcia", Attributes = { ["budget"] = "450000" } });
            db.Leads.Add(new Lead { Source = "crm", ExternalId = "L-2", DisplayName = "Luis Garcia" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await factory.MigrateAsync(TestContext.Current.CancellationToken);

        await using (var db = factory.CreateDbContext())
        {
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            var leads = await db.Leads.OrderBy(l => l.ExternalId).ToListAsync(TestContext.Current.CancellationToken);
            leads.Select(l => l.DisplayName).ShouldBe(["Ana Garcia", "Luis Garcia"]);
            leads[0].Attributes["budget"].ShouldBe("450000");
        }
    }
}
