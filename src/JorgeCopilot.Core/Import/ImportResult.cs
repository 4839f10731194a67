namespace JorgeCopilot.Core.Import;

/// <summary>What one import did: rows read from the file, store rows added and updated (by natural key).</summary>
public sealed record ImportResult(string Kind, string File, int RowsRead, int RowsAdded, int RowsUpdated);
