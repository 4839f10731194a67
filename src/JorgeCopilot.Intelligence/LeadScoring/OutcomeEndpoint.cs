using System.Text.Json;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// <c>POST /api/v1/outcomes</c>: records what became of a lead. Idempotent by <c>key</c>: a retry with the same body
/// returns the stored outcome (200); the same key with a different body is a conflict (409); nothing is written on any rejection.
/// </summary>
public static class OutcomeEndpoint
{
    internal static async Task<Results<Created<OutcomeResponse>, Ok<OutcomeResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        HttpRequest http, IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The body is read here, not bound by the framework, so malformed JSON gets the same problem details as invalid fields.
        OutcomeRequest? request;
        try
        {
            request = http.HasJsonContentType() ? await http.ReadFromJsonAsync<OutcomeRequest>(cancellationToken) : null;
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Malformed JSON or a value of the wrong type at {ex.Path ?? "$"}."] }, title: "Invalid outcome");
        }

        var errors = Validate(request, clock);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid outcome");
        }

        var r = request!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.LeadOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Key == r.Key, cancellationToken);
        if (existing is not null)
        {
            return Same(existing, r)
                ? TypedResults.Ok(OutcomeResponse.From(existing, replayed: true))
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Outcome key already used",
                    detail: $"An outcome with key '{r.Key}' was already recorded with different values.");
        }

        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == r.LeadId, cancellationToken);
        if (lead is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown lead", detail: $"There is no lead with id {r.LeadId}.");
        }

        var outcome = new LeadOutcome
        {
            Key = r.Key!,
            LeadId = lead.Id,
            Converted = r.Converted!.Value,
            OccurredAt = (r.OccurredAt ?? clock.GetUtcNow()).UtcDateTime,
            Value = r.Value,
            Source = r.Source,
        };
        db.LeadOutcomes.Add(outcome);
        lead.Stage = outcome.Converted ? LeadStages.Converted : LeadStages.Lost;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key won the unique index; answer as the replay it is (or the conflict).
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            var winner = await again.LeadOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Key == r.Key, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return Same(winner, r)
                ? TypedResults.Ok(OutcomeResponse.From(winner, replayed: true))
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Outcome key already used",
                    detail: $"An outcome with key '{r.Key}' was already recorded with different values.");
        }

        return TypedResults.Created($"/api/v1/outcomes/{Uri.EscapeDataString(outcome.Key)}", OutcomeResponse.From(outcome, replayed: false));
    }

    internal static Dictionary<string, string[]> Validate(OutcomeRequest? r, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (r is null)
        {
            errors["body"] = ["A JSON body (Content-Type: application/json) with key, leadId and converted is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(r.Key))
        {
            errors["key"] = ["key is required (it makes the request idempotent)."];
        }
        else if (r.Key.Length > 200)
        {
            errors["key"] = ["key must be at most 200 characters."];
        }

        if (r.LeadId is not > 0)
        {
            errors["leadId"] = ["leadId must be a positive lead id."];
        }

        if (r.Converted is null)
        {
            errors["converted"] = ["converted (true or false) is required."];
        }

        if (r.Value is < 0)
        {
            errors["value"] = ["value cannot be negative."];
        }

        if (r.OccurredAt is { } at && at > clock.GetUtcNow().AddDays(1))
        {
            errors["occurredAt"] = ["occurredAt is in the future."];
        }

        if (r.Source is { Length: > 100 })
        {
            errors["source"] = ["source must be at most 100 characters."];
        }

        return errors;
    }

    private static bool Same(LeadOutcome o, OutcomeRequest r) =>
        o.LeadId == r.LeadId && o.Converted == r.Converted && o.Value == r.Value;
}

/// <summary>An outcome as posted by a bot or CRM webhook.</summary>
public sealed record OutcomeRequest(string? Key, long? LeadId, bool? Converted, DateTimeOffset? OccurredAt = null, decimal? Value = null, string? Source = null);

public sealed record OutcomeResponse(long Id, string Key, long LeadId, bool Converted, DateTime? OccurredAt, decimal? Value, bool Replayed)
{
    public static OutcomeResponse From(LeadOutcome o, bool replayed) => new(o.Id, o.Key, o.LeadId, o.Converted, o.OccurredAt, o.Value, replayed);
}
