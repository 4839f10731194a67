using JorgeCopilot.Core.Business;
using JorgeCopilot.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Imports Jorge's cost table / activity log through a mapping file: fields <c>category</c> (source or activity),
/// <c>name</c>, <c>month</c> (any day in it), and <c>amount</c> (dollars) and/or <c>hours</c>, optionally <c>leadSource</c>
/// (the source an activity served). A constant <c>illustrative: true</c> marks example figures. Upserts by
/// (category, name, month) inside the import service's one transaction: a bad row imports nothing.
/// </summary>
public sealed class CostImporter : IKindImporter
{
    public string Kind => ImportKinds.Costs;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.ReadAll();
        context.Db.ChangeTracker.AutoDetectChangesEnabled = true;
        var existing = await context.Db.BusinessCosts.ToListAsync(context.CancellationToken);
        var byKey = existing.ToDictionary(c => (c.Category, c.Name, c.Month));
        var illustrative = context.Mapping.Constants.TryGetValue("illustrative", out var flag) && bool.TryParse(flag, out var b) && b;
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            var category = ImportContext.Required(row, "category").Trim().ToLowerInvariant();
            if (category is not (CostCategories.Source or CostCategories.Activity))
            {
                throw row.Error("category", $"'{category}' is not '{CostCategories.Source}' or '{CostCategories.Activity}'");
            }

            var name = ImportContext.Required(row, "name").Trim();
            var day = ImportContext.AsDate(row.Values.GetValueOrDefault("month")) ?? throw row.Error("month", "'month' is required: a date in the month the line covers");
            var amount = row.GetDecimal("amount");
            var hours = row.GetDouble("hours");
            if (amount is null && hours is null)
            {
                throw row.Error("amount", "a line needs an amount (dollars) or hours");
            }

            if (amount < 0 || hours < 0)
            {
                throw row.Error(amount < 0 ? "amount" : "hours", "must not be negative");
            }

            var key = (category, name, new DateOnly(day.Year, day.Month, 1));
            if (!byKey.TryGetValue(key, out var cost))
            {
                cost = new BusinessCost { Category = category, Name = name, Month = key.Item3 };
                context.Db.BusinessCosts.Add(cost);
                byKey[key] = cost;
                added++;
            }
            else
            {
                updated++;
            }

            cost.Amount = amount ?? cost.Amount;
            cost.Hours = hours ?? cost.Hours;
            cost.LeadSource = row.GetString("leadSource")?.Trim() ?? cost.LeadSource;
            cost.IsIllustrative = illustrative;
        }

        await context.Db.SaveChangesAsync(context.CancellationToken);
        return new ImportCounts(rows.Count, added, updated);
    }
}
