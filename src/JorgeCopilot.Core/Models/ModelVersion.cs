namespace JorgeCopilot.Core.Models;

/// <summary>A trained model in the registry. Natural key: (<see cref="Task"/>, <see cref="Version"/>); at most one champion per task.</summary>
public sealed class ModelVersion
{
    public long Id { get; set; }
    /// <summary>The prediction task, e.g. "lead-scoring", "pricing".</summary>
    public required string Task { get; set; }
    public int Version { get; set; }
    public DateTime TrainedAt { get; set; }
    public string Algorithm { get; set; } = "";
    public DateTime? DataWindowStart { get; set; }
    public DateTime? DataWindowEnd { get; set; }
    /// <summary>What the model was trained on (data set, rows, split), for a person reading the registry.</summary>
    public string DataDescription { get; set; } = "";
    public string MetricsJson { get; set; } = "{}";
    public string SchemaJson { get; set; } = "{}";
    public byte[] ModelBytes { get; set; } = [];
    public bool IsChampion { get; set; }
}
