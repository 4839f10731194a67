using System.Globalization;

namespace JorgeCopilot.Core.Import;

/// <summary>One source column (or a template over columns) mapped to a typed field.</summary>
public sealed class FieldMapping
{
    /// <summary>The source column (header name; for JSON a path).</summary>
    public string? Column { get; set; }
    /// <summary>
    /// Several columns: for <c>string</c> a list of their non-blank values (comma-separated values are split; e.g. label
    /// columns); for numeric types their sum (e.g. both negotiators' points).
    /// </summary>
    public List<string> Columns { get; set; } = [];
    /// <summary>
    /// A value built from other columns and the row number: <c>row-{row:000000}</c>, <c>{property_type}|{is_seasonally_adjusted}</c>.
    /// Column values go through their own field's <see cref="Map"/> when that column is mapped.
    /// </summary>
    public string? Template { get; set; }
    /// <summary>The store field this column fills; when null the column is a typed feature only (for trainers).</summary>
    public string? Field { get; set; }
    /// <summary>
    /// How the column is named to Jorge in reasons and feature lists (e.g. "3-month interest rate" for <c>euribor3m</c>);
    /// the column name when absent.
    /// </summary>
    public string? Label { get; set; }
    public FieldType Type { get; set; } = FieldType.String;
    /// <summary>
    /// Parse format: a .NET date format (<c>yyyyMMdd'T'HHmmss</c>, <c>M/d/yyyy</c>) or <c>month-sequence</c> (month
    /// names in time order without a year; the year starts at <see cref="StartYear"/> and advances when the month goes back).
    /// </summary>
    public string? Format { get; set; }
    public int? StartYear { get; set; }
    public bool Required { get; set; }
    /// <summary>Cells that mean "no value" (default: empty).</summary>
    public List<string> NullValues { get; set; } = [""];
    /// <summary>Raw value → replacement, applied before parsing (e.g. <c>"0": "persuader"</c>).</summary>
    public Dictionary<string, string> Map { get; set; } = [];
    /// <summary>For <c>category</c>: the allowed values (empty = any).</summary>
    public List<string> Values { get; set; } = [];
    public List<string> TrueValues { get; set; } = ["true", "1", "yes", "y", "t"];
    public List<string> FalseValues { get; set; } = ["false", "0", "no", "n", "f"];
    /// <summary>For numbers: [min, max] to clip into (documented entry errors, e.g. donations typed in cents).</summary>
    public List<double> Clip { get; set; } = [];

    /// <summary>The name rows use for this field: <see cref="Field"/>, else the column.</summary>
    public string FieldName => Field ?? Column ?? Template ?? string.Join("+", Columns);

    public IEnumerable<string> SourceColumns()
    {
        if (Column is not null)
        {
            yield return Column;
        }

        foreach (var c in Columns)
        {
            yield return c;
        }
    }

    public bool IsMonthSequence => string.Equals(Format, "month-sequence", StringComparison.OrdinalIgnoreCase);

    internal void Validate(string where)
    {
        var sources = (Column is null ? 0 : 1) + (Columns.Count > 0 ? 1 : 0) + (Template is null ? 0 : 1);
        if (sources != 1)
        {
            throw new MappingException($"{where}: field '{FieldName}' needs exactly one of column, columns or template");
        }

        if (Clip.Count is not (0 or 2))
        {
            throw new MappingException($"{where}: field '{FieldName}' clip must be [min, max]");
        }

        if (IsMonthSequence && (Type != FieldType.Date || StartYear is null))
        {
            throw new MappingException($"{where}: field '{FieldName}' uses month-sequence, which needs type date and startYear");
        }

        if (Format is not null && !IsMonthSequence && Type is FieldType.Date or FieldType.DateTime)
        {
            // A format that cannot even format a date is a typo; catch it before reading rows.
            try
            {
                _ = new DateTime(2000, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture);
            }
            catch (FormatException ex)
            {
                throw new MappingException($"{where}: field '{FieldName}' has an invalid date format '{Format}'", ex);
            }
        }
    }
}
