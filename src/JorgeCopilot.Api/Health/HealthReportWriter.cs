using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JorgeCopilot.Api.Health;

/// <summary>
/// The <c>/health</c> body: overall status plus each check's status, description and data, e.g.
/// <c>{"status":"healthy","checks":{"store":{"status":"healthy","data":{"provider":"sqlite","pendingMigrations":0}}}}</c>.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);

        var body = new
        {
            status = ToText(report.Status),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = ToText(entry.Value.Status),
                    description = entry.Value.Description,
                    durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                    data = entry.Value.Data,
                }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }

    private static string ToText(HealthStatus status) => status.ToString().ToLowerInvariant();
}
