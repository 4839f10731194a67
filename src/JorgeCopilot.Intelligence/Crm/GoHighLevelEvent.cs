using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Core.Validation;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>
/// One HighLevel webhook delivery: its <c>type</c> (ContactCreate, InboundMessage, OpportunityStageUpdate, ...), the
/// delivery's <c>webhookId</c> and <c>timestamp</c>, and the event's own fields, read by name as the marketplace
/// documentation shows them.
/// </summary>
public sealed class GoHighLevelEvent
{
    private readonly JsonElement _root;

    private GoHighLevelEvent(JsonElement root, string type, string webhookId, DateTimeOffset timestamp)
    {
        _root = root;
        Type = type;
        WebhookId = webhookId;
        Timestamp = timestamp;
    }

    public string Type { get; }

    public string WebhookId { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>Reads a delivery; null with the errors by field when the body is not a HighLevel event.</summary>
    public static GoHighLevelEvent? TryParse(ReadOnlyMemory<byte> body, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            errors.Check("body", $"The body is not JSON: {e.Message}");
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Check("body", "The body must be a JSON object.");
            return null;
        }

        var type = Text(root, "type");
        var webhookId = Text(root, "webhookId");
        var stamp = Text(root, "timestamp");
        errors.Check("type", type is null ? "'type' (the event type, e.g. ContactCreate) is required." : null);
        errors.Check("webhookId", webhookId is null ? "'webhookId' is required: it makes a redelivery a no-op." : null);
        DateTimeOffset timestamp = default;
        errors.Check("timestamp", stamp is null ? "'timestamp' (ISO 8601) is required."
            : !DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp) ? $"'timestamp' \"{stamp}\" is not an ISO 8601 date and time."
            : null);
        return errors.Count == 0 ? new GoHighLevelEvent(root, type!, webhookId!, timestamp.ToUniversalTime()) : null;
    }

    /// <summary>A text field, or null when absent, null or blank.</summary>
    public string? String(string name) => Text(_root, name);

    /// <summary>A number field (HighLevel sends <c>monetaryValue</c> as a number; a numeric string is accepted too).</summary>
    public decimal? Decimal(string name) => _root.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(v.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    } : null;

    /// <summary>A date-time field in UTC, or null when absent or unreadable.</summary>
    public DateTime? Date(string name) =>
        String(name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;

    /// <summary>A list of strings (e.g. <c>tags</c>), empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name) =>
        _root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0)]
            : [];

    /// <summary>A required text field, or an error for the delivery (400).</summary>
    public string Required(string name) =>
        String(name) ?? throw new GoHighLevelEventException(name, $"'{name}' is required for a {Type} event.");

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetString()) ? null : v.GetString()!.Trim(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}

/// <summary>A delivery that is well-formed JSON but lacks a field its event type needs.</summary>
public sealed class GoHighLevelEventException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
