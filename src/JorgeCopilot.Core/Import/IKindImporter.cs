namespace JorgeCopilot.Core.Import;

/// <summary>Imports one kind of file inside the transaction the <see cref="ImportService"/> opened.</summary>
internal interface IKindImporter
{
    string Kind { get; }

    Task<ImportCounts> ImportAsync(ImportContext context);
}

internal sealed record ImportCounts(int RowsRead, int RowsAdded, int RowsUpdated);
