using System.Globalization;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Dashboard.Presentation;

/// <summary>
/// "How fresh is this?" for each page, read from the store: the date range the data covers. The bundled demo data is
/// historical (bank-marketing contacts of 2008–2010, King County sales of 2014–15, market series to their last month),
/// so pages state the dates plainly instead of implying the figures are about today.
/// </summary>
public sealed class DataFreshness(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    public async Task<string> LeadsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await db.Leads.CountAsync(cancellationToken);
        var first = await db.Leads.MinAsync(l => l.CreatedAt, cancellationToken);
        var last = await db.Leads.MaxAsync(l => l.CreatedAt, cancellationToken);
        var lastMessage = await db.Messages.MaxAsync(m => (DateTime?)m.SentAt, cancellationToken);
        var model = await db.ModelVersions.Where(m => m.Task == LeadScoringTrainer.TaskName && m.IsChampion).Select(m => (DateTime?)m.TrainedAt).FirstOrDefaultAsync(cancellationToken);
        return $"{count:N0} leads" + Range(" created", first, last) + (lastMessage is { } lm ? $"; last message {Day(lm)}" : "")
            + (model is { } m ? $"; scoring model trained {Day(m)}" : "; no scoring model trained yet") + Now();
    }

    public async Task<string> MarketAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sales = await db.Sales.CountAsync(cancellationToken);
        var firstSale = await db.Sales.MinAsync(s => (DateOnly?)s.SaleDate, cancellationToken);
        var lastSale = await db.Sales.MaxAsync(s => (DateOnly?)s.SaleDate, cancellationToken);
        var lastMonth = await db.MarketSeries.MaxAsync(p => (DateOnly?)p.Month, cancellationToken);
        var text = sales == 0 ? "No sales in the store" : $"{sales:N0} sales from {firstSale:yyyy-MM-dd} to {lastSale:yyyy-MM-dd}";
        return text + (lastMonth is { } month ? $"; market series up to {month:yyyy-MM}" : "; no market series") + Now();
    }

    public async Task<string> DealsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deals = await db.Deals.CountAsync(cancellationToken);
        var last = await db.Deals.MaxAsync(d => d.CreatedAt, cancellationToken);
        if (deals > 0)
        {
            return $"{deals:N0} deals in the store, the newest created {(last is { } l ? Day(l) : "on an unknown date")}" + Now();
        }

        // Without stored deals the forecasting capability builds Jorge's deal history from the stored sales; each
        // result below names that provenance and its "as of" date.
        var firstSale = await db.Sales.MinAsync(s => (DateOnly?)s.SaleDate, cancellationToken);
        var lastSale = await db.Sales.MaxAsync(s => (DateOnly?)s.SaleDate, cancellationToken);
        return (firstSale is null ? "No deals or sales stored: the forecasting capability attributes a deal history itself (see each result's provenance and as-of date)" : $"No deals stored: the figures below come from the deal history the forecast attributes from sales of {firstSale:yyyy-MM-dd} to {lastSale:yyyy-MM-dd} (see each result's provenance and as-of date)") + Now();
    }

    public async Task<string> ExperimentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var served = await db.ServedVariants.CountAsync(cancellationToken);
        return $"{served:N0} variants served by the bots so far" + Now();
    }

    public async Task<string> ModelAsync(string task, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var champion = await db.ModelVersions.Where(m => m.Task == task && m.IsChampion)
            .Select(m => new { m.Version, m.TrainedAt, m.DataWindowStart, m.DataWindowEnd }).FirstOrDefaultAsync(cancellationToken);
        return (champion is null ? $"No {task} model trained yet (jorge train {task})"
            : $"Champion v{champion.Version} trained {Day(champion.TrainedAt)}" + Range(" on data", champion.DataWindowStart, champion.DataWindowEnd)) + Now();
    }

    private string Now() => $". Page built {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC.";

    private static string Range(string what, DateTime? first, DateTime? last) =>
        first is { } f && last is { } l ? $"{what} {Day(f)} to {Day(l)}" : "";

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
