using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;

namespace JorgeCopilot.Core.Import;

/// <summary>Everything one import needs: the file, its mapping, the store (inside the import's transaction) and progress.</summary>
public sealed class ImportContext(JorgeDbContext db, string file, MappingFile mapping, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
{
    public JorgeDbContext Db { get; } = db;
    public string File { get; } = file;
    public MappingFile Mapping { get; } = mapping;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public string Task { get; } = $"{mapping.Kind} ← {Path.GetFileName(file)}";

    /// <summary>Reads and validates every row before anything is written, reporting progress by rows read.</summary>
    public List<MappedRow> ReadAll() => ReadAll(File, Mapping);

    /// <summary>Time spent reading and validating files (the rest of an import is writing).</summary>
    public TimeSpan ReadTime { get; private set; }

    public List<MappedRow> ReadAll(string file, MappingFile mapping)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new List<MappedRow>();
        foreach (var row in MappedFileReader.Read(file, mapping))
        {
            rows.Add(row);
            if (rows.Count % 20_000 == 0)
            {
                CancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(Task + " (reading)", rows.Count, 0));
            }
        }

        ReadTime += clock.Elapsed;
        return rows;
    }

    /// <summary>A progress callback for writing <paramref name="total"/> rows.</summary>
    /// <remarks>The callback receives the number of rows written so far.</remarks>
    public Action<int> Writing(string what, int total)
    {
        progress?.Report(new ImportProgress($"{Task}: {what}", 0, total));
        return done => progress?.Report(new ImportProgress($"{Task}: {what}", done, total));
    }

    /// <summary>A required text field (constant or column), or an error naming the row's column.</summary>
    public static string Required(MappedRow row, string field)
    {
        var value = row.Values.TryGetValue(field, out var v) ? v : null;
        return value switch
        {
            string s when s.Length > 0 => s,
            null => throw row.Error(field, $"'{field}' is required but missing (map a column to it or set a constant)"),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        };
    }

    public static DateTime? AsUtc(object? value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        _ => null,
    };

    public static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        _ => null,
    };
}
