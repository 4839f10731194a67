namespace JorgeCopilot.Core.Import;

/// <summary>
/// One typed row read through a <see cref="MappingFile"/>. <see cref="Values"/> holds each mapped field by field name
/// (string, int, double, decimal, bool, DateOnly, DateTime (UTC), or a list of strings; null when blank).
/// </summary>
public sealed class MappedRow
{
    private readonly Dictionary<string, string> _columns;

    internal MappedRow(string file, int line, int row, string unit, Dictionary<string, object?> values,
        Dictionary<string, string> columns, Dictionary<string, string> attributes, bool? target, string? targetValue = null)
    {
        TargetValue = targetValue;
        File = file;
        Line = line;
        Row = row;
        Unit = unit;
        Values = values;
        _columns = columns;
        Attributes = attributes;
        Target = target;
    }

    public string File { get; }
    /// <summary>Line of the file where the row starts (for JSON: the record number).</summary>
    public int Line { get; }
    /// <summary>1-based data row (record) number, counting every data row of the file.</summary>
    public int Row { get; }
    internal string Unit { get; }
    public IReadOnlyDictionary<string, object?> Values { get; }
    /// <summary>Free attributes: raw, trimmed text of the selected unmapped columns.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }
    /// <summary>True when the target column holds the positive value; null when the file has no target column.</summary>
    public bool? Target { get; }
    /// <summary>The target column's raw, trimmed cell (null when the file has no target column), for error messages.</summary>
    public string? TargetValue { get; }

    public bool Has(string field) => Values.TryGetValue(field, out var v) && v is not null;

    public T? Get<T>(string field)
    {
        return Values.TryGetValue(field, out var v) && v is T typed ? typed : default;
    }

    public string? GetString(string field) => Values.TryGetValue(field, out var v) ? v as string : null;

    public double? GetDouble(string field) => Values.TryGetValue(field, out var v) ? v switch
    {
        double d => d,
        int i => i,
        decimal m => (double)m,
        _ => null,
    } : null;

    public decimal? GetDecimal(string field) => Values.TryGetValue(field, out var v) ? v switch
    {
        decimal m => m,
        double d => (decimal)d,
        int i => i,
        _ => null,
    } : null;

    public int? GetInt(string field) => Values.TryGetValue(field, out var v) ? v switch
    {
        int i => i,
        _ => null,
    } : null;

    /// <summary>The source column a field was read from (for error messages).</summary>
    public string ColumnOf(string field) => _columns.TryGetValue(field, out var c) ? c : field;

    /// <summary>An error about this row's field, naming file, line and source column.</summary>
    public ImportException Error(string field, string reason) => new(File, Line, ColumnOf(field), reason, Unit);
}
