using System.Diagnostics;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Cli;

/// <summary><c>jorge seed --remove</c> through the real <c>jorge</c> program (jorge.dll beside the tests) on a SQLite store.</summary>
public sealed class SeedRemoveCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_remove_leaves_only_Jorges_own_leads()
    {
        var store = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        await using (var db = store.CreateDbContext())
        {
            db.Leads.AddRange(
                new Lead { Source = "bank-marketing", ExternalId = "row-000001", DisplayName = "Ana Garcia", IsDemo = true, NameIsGenerated = true },
                new Lead { Source = "bank-marketing", ExternalId = "row-000002", DisplayName = "Luis Garcia", IsDemo = true, NameIsGenerated = true },
                new Lead { Source = "gohighlevel", ExternalId = "nmFmQEsNgz6AVpgLVUJ0", DisplayName = "John Deo" });
            await db.SaveChangesAsync(Ct);
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "jorge.dll"), "seed", "--remove" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ConnectionStrings__Jorge"] = store.Connection.ConnectionString;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        process.ExitCode.ShouldBe(0, await stderr);
        (await stdout).ShouldContain("2 leads");
        await using var after = store.CreateDbContext();
        (await after.Leads.Select(l => l.DisplayName).ToListAsync(Ct)).ShouldBe(["John Deo"]);
    }
}
