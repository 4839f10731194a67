using JorgeCopilot.Core.Market;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Monthly market series. Fields: source, region, segment (default empty), metric, month (any day; stored as the first
/// of its month), value — natural key (source, region, segment, metric, month).
/// </summary>
internal sealed class SeriesImporter : IKindImporter
{
    public string Kind => ImportKinds.Series;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var points = rows.Select(row =>
        {
            var month = ImportContext.AsDate(row.Values.GetValueOrDefault("month")) ?? throw row.Error("month", "'month' is required");
            return new MarketSeriesPoint
            {
                Source = ImportContext.Required(row, "source"),
                Region = ImportContext.Required(row, "region"),
                Segment = row.GetString("segment") ?? "",
                Metric = ImportContext.Required(row, "metric"),
                Month = new DateOnly(month.Year, month.Month, 1),
                Value = row.GetDouble("value") ?? throw row.Error("value", "'value' is required"),
            };
        }).ToList();
        var sources = points.Select(p => p.Source).Distinct().ToList();
        var metrics = points.Select(p => p.Metric).Distinct().ToList();
        var existing = (await context.Db.MarketSeries.AsNoTracking()
                .Where(p => sources.Contains(p.Source) && metrics.Contains(p.Metric))
                .Select(p => new { p.Source, p.Region, p.Segment, p.Metric, p.Month })
                .ToListAsync(context.CancellationToken))
            .Select(p => (p.Source, p.Region, p.Segment, p.Metric, p.Month)).ToHashSet();
        var added = points.Count(p => !existing.Contains((p.Source, p.Region, p.Segment, p.Metric, p.Month)));
        await new BulkUpsert<MarketSeriesPoint>(context.Db,
                [nameof(MarketSeriesPoint.Source), nameof(MarketSeriesPoint.Region), nameof(MarketSeriesPoint.Segment),
                 nameof(MarketSeriesPoint.Metric), nameof(MarketSeriesPoint.Month)])
            .WriteAsync(points, context.Writing("points", points.Count), context.CancellationToken);
        return new ImportCounts(rows.Count, added, points.Count - added);
    }
}
