using System.Text;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Core.Import;

/// <summary>How the source file is laid out. Files ending in <c>.gz</c> are decompressed transparently.</summary>
public sealed class SourceFormat
{
    /// <summary><c>csv</c> (any delimiter) or <c>json</c> (an array of objects, see <see cref="Json"/>).</summary>
    public string Type { get; set; } = "csv";
    public string Delimiter { get; set; } = ",";
    public string Quote { get; set; } = "\"";
    public bool Header { get; set; } = true;
    public string Encoding { get; set; } = "utf-8";
    /// <summary>Set for "wide" files (one column per month or per metric): each such cell becomes its own row.</summary>
    public MeltLayout? Wide { get; set; }
    /// <summary>For <c>json</c>: which array inside each record yields the rows.</summary>
    public JsonLayout? Json { get; set; }

    public bool IsJson => string.Equals(Type, "json", StringComparison.OrdinalIgnoreCase);

    public Encoding TextEncoding() => System.Text.Encoding.GetEncoding(Encoding);

    public char DelimiterChar() => Delimiter switch
    {
        "\\t" or "tab" => '\t',
        _ => Delimiter[0],
    };

    internal void Validate(string where)
    {
        if (!string.Equals(Type, "csv", StringComparison.OrdinalIgnoreCase) && !IsJson)
        {
            throw new MappingException($"{where}: format type '{Type}' is not csv or json");
        }

        if (!IsJson && (string.IsNullOrEmpty(Delimiter) || (Delimiter.Length != 1 && Delimiter is not ("\\t" or "tab"))))
        {
            throw new MappingException($"{where}: delimiter must be one character (or \\t)");
        }

        if (Quote.Length != 1)
        {
            throw new MappingException($"{where}: quote must be one character");
        }

        try
        {
            _ = TextEncoding();
        }
        catch (ArgumentException ex)
        {
            throw new MappingException($"{where}: encoding '{Encoding}' is not known", ex);
        }

        Wide?.Validate(where);
        if (IsJson && Json is null)
        {
            throw new MappingException($"{where}: a json format needs a 'json' layout");
        }
    }
}

/// <summary>
/// Turns a wide file (Zillow: one column per month; Redfin: one column per metric) into long rows: each non-blank
/// cell of a matching column becomes a row whose <see cref="NameAs"/> column holds the header and
/// <see cref="ValueAs"/> the cell. The other columns are repeated on every such row.
/// </summary>
public sealed class MeltLayout
{
    /// <summary>The wide columns by name; or use <see cref="ColumnsMatching"/>.</summary>
    public List<string> Columns { get; set; } = [];
    /// <summary>A regular expression the wide columns' headers match, e.g. <c>^\d{1,2}/\d{1,2}/\d{4}$</c>.</summary>
    public string? ColumnsMatching { get; set; }
    public string NameAs { get; set; } = "name";
    public string ValueAs { get; set; } = "value";
    /// <summary>Blank cells (a metro with no data that month) yield no row rather than an error.</summary>
    public bool SkipBlank { get; set; } = true;

    public bool Matches(string header) =>
        Columns.Contains(header, StringComparer.OrdinalIgnoreCase)
        || (ColumnsMatching is not null && Regex.IsMatch(header, ColumnsMatching, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    internal void Validate(string where)
    {
        if (Columns.Count == 0 && string.IsNullOrWhiteSpace(ColumnsMatching))
        {
            throw new MappingException($"{where}: a wide layout needs 'columns' or 'columnsMatching'");
        }

        if (ColumnsMatching is not null)
        {
            try
            {
                _ = new Regex(ColumnsMatching, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new MappingException($"{where}: columnsMatching is not a valid regular expression", ex);
            }
        }
    }
}

/// <summary>
/// A JSON source: an array of records, each with an array (<see cref="RowsPath"/>) whose elements become rows.
/// Columns are dotted paths: <c>$.dialogue_id</c> reads the record, plain names read the row element.
/// </summary>
public sealed class JsonLayout
{
    public string RowsPath { get; set; } = "";
    /// <summary>Optional per-record annotations: an array of <c>[text, "label,label"]</c> pairs matched to rows by text.</summary>
    public JsonAnnotations? Annotations { get; set; }
}

/// <summary>
/// Annotations kept beside the rows (CaSiNo): <see cref="Path"/> holds <c>[utterance, labels]</c> pairs; a row whose
/// <see cref="MatchColumn"/> equals an utterance gets its labels in the virtual column <see cref="As"/>.
/// </summary>
public sealed class JsonAnnotations
{
    public string Path { get; set; } = "annotations";
    public string MatchColumn { get; set; } = "text";
    public string As { get; set; } = "labels";
}

/// <summary>A column whose values must never be imported nor learned from (known only after the outcome, etc.).</summary>
public sealed class LeakyColumn
{
    public string Column { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>Column names in mappings: exact (case-insensitive), or a prefix when the pattern ends in <c>*</c> (<c>Asymmetrique*</c>).</summary>
public static class ColumnPattern
{
    public static bool Matches(string pattern, string column)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(column);
        return pattern.Length > 1 && pattern.EndsWith('*')
            ? column.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, column, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The training label: <see cref="Column"/> equals <see cref="Positive"/> means the positive class.</summary>
public sealed class TargetMapping
{
    public string Column { get; set; } = "";
    public string Positive { get; set; } = "";
}

/// <summary>Which unmapped columns are kept as free attributes (raw text). <c>*</c> means every column.</summary>
public sealed class AttributeSelection
{
    /// <summary>Columns kept (<c>*</c> = all; a name ending in <c>*</c> matches by prefix).</summary>
    public List<string> Include { get; set; } = [];
    /// <summary>Columns left out (identifiers, free text); a name ending in <c>*</c> matches by prefix.</summary>
    public List<string> Exclude { get; set; } = [];
    /// <summary>Cells of attribute columns that mean "no value" for trainers (e.g. a CRM's <c>Select</c> placeholder); blank always does.</summary>
    public List<string> NullValues { get; set; } = [""];

    public bool Includes(string column) =>
        !Exclude.Any(e => ColumnPattern.Matches(e, column))
        && Include.Any(i => i == "*" || ColumnPattern.Matches(i, column));
}

/// <summary>Keeps only the rows whose <see cref="Column"/> equals <see cref="EqualTo"/>.</summary>
public sealed class RowFilter
{
    public string Column { get; set; } = "";
    public string EqualTo { get; set; } = "";
}

/// <summary>A companion file that contributes to the same import (e.g. <c>role: outcomes</c>).</summary>
public sealed class RelatedFile
{
    public string Role { get; set; } = "";
    /// <summary>Data file, relative to the main data file's folder.</summary>
    public string File { get; set; } = "";
    /// <summary>Mapping file, relative to this mapping's folder.</summary>
    public string Map { get; set; } = "";
}
