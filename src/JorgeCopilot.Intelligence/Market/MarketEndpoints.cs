using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Market;
using JorgeCopilot.Core.Validation;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>REST for the market under /api/v1/market: trends, investment alerts, market share, listing-export import.</summary>
public static class MarketEndpoints
{
    public static RouteGroupBuilder MapMarket(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/market").WithTags("Market");

        group.MapGet("/trends", async Task<Results<Ok<MarketTrendsReport>, ProblemHttpResult>> (string? region, MarketTrendsService trends, CancellationToken ct) =>
            {
                if (InputRules.Text(region, 100, "region") is { } invalid)
                {
                    return InvalidInput.Problem("region", invalid);
                }

                var report = await trends.AnalyzeAsync(region, ct);
                return report is { Trends.Count: > 0 }
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem($"No market series for \"{region ?? MarketData.DefaultRegion}\".", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            })
            .WithName("MarketTrends").WithSummary("MoM, YoY, momentum, inventory and DOM direction, anomalies for a metro")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/alerts", async Task<Results<Ok<AlertScan>, ProblemHttpResult>> (int? limit, InvestmentAlertService alerts, CancellationToken ct) =>
            {
                if (InputRules.Limit(limit, 50) is { } invalid)
                {
                    return InvalidInput.Problem("limit", invalid);
                }

                return TypedResults.Ok(await alerts.RaiseAsync(limit ?? 5, ct));
            })
            .WithName("RaiseInvestmentAlerts").WithSummary("Raises new investment alerts (each opportunity only once)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/alerts", async Task<Results<Ok<IReadOnlyList<InvestmentAlert>>, ProblemHttpResult>> (int? limit, InvestmentAlertService alerts, CancellationToken ct) =>
            {
                if (InputRules.Limit(limit, 500) is { } invalid)
                {
                    return InvalidInput.Problem("limit", invalid);
                }

                return TypedResults.Ok(await alerts.HistoryAsync(limit ?? 50, ct));
            })
            .WithName("InvestmentAlertHistory").WithSummary("Alerts raised so far, newest first")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/share", async Task<Results<Ok<MarketShareReport>, ProblemHttpResult>> (string? by, DateOnly? from, DateOnly? to, CompetitiveIntelligence competition, CancellationToken ct) =>
            {
                var key = by ?? "brokerage";
                if (key is not ("brokerage" or "agent"))
                {
                    return InvalidInput.Problem("by", "by must be \"brokerage\" or \"agent\".");
                }

                if (from is { } f && to is { } t && f > t)
                {
                    return InvalidInput.Problem("from", "from must not be after to.");
                }

                var report = await competition.AnalyzeAsync(key, from, to, ct);
                return report.Transactions > 0
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem(CompetitiveIntelligence.NoDataMessage, statusCode: StatusCodes.Status404NotFound, title: "No listing data");
            })
            .WithName("MarketShare").WithSummary("Market share over time and positioning by brokerage or agent (imported listing exports)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/listings/import", ImportListingsAsync)
            .WithName("ImportListings")
            .WithSummary("Imports a competitor listing export (multipart: file = CSV/TSV/JSON, map = mapping JSON/YAML) in one transaction")
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(64L << 20))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery();

        return group;
    }

    /// <summary>
    /// The importer reads files by path (the shared mapped-file reader streams them), so the upload is written to a
    /// private temp folder under its own file name (which the error messages then name) and removed afterwards.
    /// </summary>
    internal static async Task<Results<Ok<ListingImportResult>, ProblemHttpResult>> ImportListingsAsync(
        HttpRequest request, ImportService imports, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return PricingEndpoints.BadRequest("Send multipart/form-data with a 'file' (the export) and a 'map' (its mapping file).");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { Length: > 0 } file || form.Files.GetFile("map") is not { Length: > 0 } map)
        {
            return PricingEndpoints.BadRequest("Both parts are required: 'file' (the export) and 'map' (its mapping file).");
        }

        var folder = Directory.CreateTempSubdirectory("jorge-listings-");
        try
        {
            var dataPath = Path.Combine(folder.FullName, SafeName(file.FileName, "listings.csv"));
            var mapPath = Path.Combine(folder.FullName, "map" + (Path.GetExtension(map.FileName) is ".yaml" or ".yml" ? Path.GetExtension(map.FileName) : ".json"));
            await SaveAsync(file, dataPath, cancellationToken);
            await SaveAsync(map, mapPath, cancellationToken);
            var result = await imports.ImportAsync(ListingExportImporter.KindName, dataPath, mapPath, progress: null, cancellationToken);
            return TypedResults.Ok(new ListingImportResult(Path.GetFileName(result.File), result.RowsRead, result.RowsAdded, result.RowsUpdated));
        }
        catch (ImportException e)
        {
            // The importer names the file it read, which here is our private temp copy: callers see only its file name.
            var problem = TypedResults.Problem(e.Message.Replace(folder.FullName + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), statusCode: StatusCodes.Status400BadRequest, title: "Bad listing export",
                extensions: new Dictionary<string, object?> { ["line"] = e.Line, ["column"] = e.Column, ["reason"] = e.Reason });
            return problem;
        }
        catch (MappingException e)
        {
            return TypedResults.Problem(e.Message.Replace(folder.FullName + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), statusCode: StatusCodes.Status400BadRequest, title: "Bad mapping file");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string SafeName(string? name, string fallback)
    {
        var plain = Path.GetFileName(name ?? "");
        return plain.Length == 0 || plain.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? fallback : plain;
    }

    private static async Task SaveAsync(IFormFile part, string path, CancellationToken cancellationToken)
    {
        await using var target = File.Create(path);
        await part.CopyToAsync(target, cancellationToken);
    }
}

/// <summary>What a listing import wrote.</summary>
public sealed record ListingImportResult(string File, int RowsRead, int RowsAdded, int RowsUpdated);
