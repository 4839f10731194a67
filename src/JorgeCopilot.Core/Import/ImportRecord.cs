namespace JorgeCopilot.Core.Import;

/// <summary>One completed import: what was loaded, from where, and how many rows it added or updated.</summary>
public sealed class ImportRecord
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file's bytes, so a re-import of the same file is recognisable.</summary>
    public required string FileSha256 { get; set; }
    public int RowsRead { get; set; }
    public int RowsAdded { get; set; }
    public int RowsUpdated { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
}
