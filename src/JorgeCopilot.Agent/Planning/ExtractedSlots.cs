namespace JorgeCopilot.Agent.Planning;

/// <summary>What the argument parsers found in one message, before any store lookup.</summary>
public sealed record ExtractedSlots
{
    public long? LeadId { get; init; }
    /// <summary>0-based position in the last answer's list ("the second one" → 1; "the last one" → -1).</summary>
    public int? Ordinal { get; init; }
    /// <summary>"him", "that lead", "it": the entity the last answer was about.</summary>
    public bool RefersToPrevious { get; init; }
    public string? Zip { get; init; }
    public string? ParcelId { get; init; }
    public string? Address { get; init; }
    public double? Bedrooms { get; init; }
    public double? Bathrooms { get; init; }
    public double? Sqft { get; init; }
    public int? YearBuilt { get; init; }
    public decimal? Money { get; init; }
    public int? Limit { get; init; }
    public int? HorizonMonths { get; init; }
    public DateOnly? TargetDate { get; init; }

    /// <summary>The message with recognised values replaced by class tokens (what the intent model sees).</summary>
    public required string Normalized { get; init; }

    /// <summary>Words left over after the recognised values were removed (candidates for a lead name or region).</summary>
    public required IReadOnlyList<string> FreeWords { get; init; }

    public bool HasPropertyReference => Address is not null || ParcelId is not null;
}
