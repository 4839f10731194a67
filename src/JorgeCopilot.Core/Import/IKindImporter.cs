namespace JorgeCopilot.Core.Import;

/// <summary>
/// Imports one kind of file (leads, sales, listings, ...) inside the transaction the <see cref="ImportService"/> opened.
/// Core registers its own kinds; a capability adds its kinds by registering more implementations.
/// </summary>
public interface IKindImporter
{
    string Kind { get; }

    Task<ImportCounts> ImportAsync(ImportContext context);
}

public sealed record ImportCounts(int RowsRead, int RowsAdded, int RowsUpdated);
