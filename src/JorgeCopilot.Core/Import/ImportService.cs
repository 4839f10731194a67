using System.Security.Cryptography;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// <c>jorge import</c>: reads a file through its mapping, validates every row, and writes it in ONE transaction with
/// upserts by natural key (re-running adds nothing). Any bad row aborts the import and leaves the store unchanged.
/// A completed import leaves an <see cref="ImportRecord"/>.
/// </summary>
public sealed class ImportService(IDbContextFactory<JorgeDbContext> factory, DataLocator data, IEnumerable<IKindImporter> importers, TimeProvider clock,
    Leads.LeadDirectoryChanges leadChanges, ILogger<ImportService> logger)
{
    /// <summary>The kinds Core itself imports; capabilities register more <see cref="IKindImporter"/>s.</summary>
    public static IKindImporter[] CoreImporters() =>
    [
        new LeadImporter(), new OutcomeImporter(), new MessageImporter(), new PropertyImporter(), new DealImporter(),
        new SeriesImporter(), new ConversationImporter(),
    ];

    private readonly IKindImporter[] _importers = [.. importers];

    public IReadOnlyList<string> Kinds => _importers.Select(i => i.Kind).ToList();

    /// <param name="mappingFile">The mapping; when null, the bundled mapping for this file and kind (error if none).</param>
    public async Task<ImportResult> ImportAsync(string kind, string file, string? mappingFile, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var importer = _importers.FirstOrDefault(i => i.Kind == kind)
            ?? throw new ArgumentException($"unknown import kind '{kind}' (expected one of {string.Join(", ", Kinds)})");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} does not exist", file);
        }

        var mapping = mappingFile is null ? FindBundledMapping(kind, file) : MappingFile.Load(mappingFile);
        if (mapping.Kind != kind)
        {
            throw new MappingException($"mapping {mapping.Path} is for '{mapping.Kind}', not '{kind}'");
        }

        var started = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var context = new ImportContext(db, file, mapping, progress, cancellationToken);
        var counts = await importer.ImportAsync(context);
        db.ImportRecords.Add(new ImportRecord
        {
            Kind = kind,
            FileName = Path.GetFileName(file),
            FileSha256 = await Sha256Async(file, cancellationToken),
            RowsRead = counts.RowsRead,
            RowsAdded = counts.RowsAdded,
            RowsUpdated = counts.RowsUpdated,
            StartedAt = started,
            FinishedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (kind == ImportKinds.Leads)
        {
            leadChanges.Changed();
        }

        logger.LogInformation("Imported {Kind} from {File}: {Read} rows read, {Added} added, {Updated} updated in {Elapsed} ms ({ReadMs} ms reading)",
            kind, Path.GetFileName(file), counts.RowsRead, counts.RowsAdded, counts.RowsUpdated,
            (long)(clock.GetUtcNow().UtcDateTime - started).TotalMilliseconds, (long)context.ReadTime.TotalMilliseconds);
        return new ImportResult(kind, file, counts.RowsRead, counts.RowsAdded, counts.RowsUpdated);
    }

    /// <summary>The bundled mapping whose <c>dataFile</c> is this file's name and whose kind matches.</summary>
    public MappingFile FindBundledMapping(string kind, string file)
    {
        var name = Path.GetFileName(file);
        var folders = new List<string> { Path.GetDirectoryName(Path.GetFullPath(file))! };
        try
        {
            folders.Add(data.BundledDirectory());
        }
        catch (DirectoryNotFoundException)
        {
            // No bundled data here: only a mapping beside the file can match.
        }

        foreach (var folder in folders.Distinct())
        {
            var options = folder == folders[0] ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            foreach (var candidate in Directory.EnumerateFiles(folder, "*.map.*", options).Order(StringComparer.Ordinal))
            {
                if (!candidate.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !candidate.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                    && !candidate.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var mapping = MappingFile.Load(candidate);
                if (mapping.Kind == kind && SameDataFile(mapping.DataFile, name))
                {
                    return mapping;
                }
            }
        }

        throw new MappingException($"no bundled {kind} mapping describes {name}; pass --map <file>");
    }

    private static bool SameDataFile(string? dataFile, string name) =>
        dataFile is not null && (string.Equals(dataFile, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileNameWithoutExtension(dataFile), name, StringComparison.OrdinalIgnoreCase) && dataFile.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            || string.Equals(dataFile, name + ".gz", StringComparison.OrdinalIgnoreCase));

    private static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
