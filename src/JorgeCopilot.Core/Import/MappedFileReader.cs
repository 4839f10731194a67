using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Reads a CSV (any delimiter, optionally gzip, optionally wide) or JSON file through a <see cref="MappingFile"/> and
/// yields typed rows. Every problem is an <see cref="ImportException"/> naming file, line, column and reason: wrong
/// type, bad date, missing required column or value, duplicate natural key, empty file, wrong delimiter.
/// </summary>
public static class MappedFileReader
{
    private static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    /// <summary>The column names of a CSV file's header (after decompression), for trainers that list features.</summary>
    public static IReadOnlyList<string> ReadHeader(string file, MappingFile mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        using var reader = OpenText(file, mapping.Format);
        using var parser = new CsvParser(reader, CsvConfig(file, mapping.Format));
        return parser.Read() ? HeaderNames(parser.Record ?? [], mapping.Format.Header) : [];
    }

    public static IEnumerable<MappedRow> Read(string file, MappingFile mapping)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(mapping);
        if (!File.Exists(file))
        {
            throw new ImportException(file, 0, null, "the file does not exist");
        }

        var state = new RowBuilder(file, mapping);
        var raw = mapping.Format.IsJson ? ReadJson(file, mapping) : ReadCsv(file, mapping);
        foreach (var cells in raw)
        {
            if (!state.Keep(cells))
            {
                continue;
            }

            yield return state.Build(cells);
        }

        if (state.Count == 0)
        {
            throw new ImportException(file, 1, null, "the file has no data rows");
        }
    }

    internal static TextReader OpenText(string file, SourceFormat format)
    {
        Stream stream = File.OpenRead(file);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, format.TextEncoding(), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private static CsvConfiguration CsvConfig(string file, SourceFormat format) => new(CultureInfo.InvariantCulture)
    {
        Delimiter = format.DelimiterChar().ToString(),
        Quote = format.Quote[0],
        HasHeaderRecord = format.Header,
        DetectColumnCountChanges = false,
        IgnoreBlankLines = true,
        BadDataFound = args => throw new ImportException(file, args.Context.Parser?.RawRow ?? 0, null,
            $"malformed quoting near \"{Truncate(args.RawRecord)}\""),
    };

    private static IEnumerable<CellSource> ReadCsv(string file, MappingFile mapping)
    {
        var format = mapping.Format;
        using var reader = OpenText(file, format);
        using var parser = new CsvParser(reader, CsvConfig(file, format));
        if (!parser.Read())
        {
            throw new ImportException(file, 1, null, "the file is empty");
        }

        var first = parser.Record ?? [];
        var header = HeaderNames(first, format.Header);
        CheckDelimiter(file, mapping, header);
        CheckRequiredColumns(file, mapping, header);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i], i);
        }

        var melt = format.Wide;
        var wideColumns = melt is null ? [] : Enumerable.Range(0, header.Count).Where(i => melt.Matches(header[i])).ToArray();
        if (melt is not null && wideColumns.Length == 0)
        {
            throw new ImportException(file, 1, null, "no column of the header matches the wide layout of the mapping");
        }

        var isWide = new bool[header.Count];
        foreach (var i in wideColumns)
        {
            isWide[i] = true;
        }

        var row = 0;
        var previousLine = parser.RawRow;
        if (!format.Header)
        {
            row++;
            yield return new CellSource(1, row, "line", header, index, first, isWide, null);
        }

        while (parser.Read())
        {
            var line = previousLine + 1;
            previousLine = parser.RawRow;
            var record = parser.Record ?? [];
            row++;
            if (record.Length != header.Count)
            {
                throw new ImportException(file, line, null, $"the row has {record.Length} fields but the header has {header.Count}");
            }

            if (melt is null)
            {
                yield return new CellSource(line, row, "line", header, index, record, isWide, null);
                continue;
            }

            foreach (var i in wideColumns)
            {
                if (melt.SkipBlank && string.IsNullOrWhiteSpace(record[i]))
                {
                    continue;
                }

                yield return new CellSource(line, row, "line", header, index, record, isWide, (melt, header[i], record[i]));
            }
        }
    }

    private static IEnumerable<CellSource> ReadJson(string file, MappingFile mapping)
    {
        JsonDocument document;
        using (var reader = OpenText(file, mapping.Format))
        {
            var text = reader.ReadToEnd();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ImportException(file, 1, null, "the file is empty");
            }

            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new ImportException(file, (int)(ex.LineNumber ?? 0) + 1, null, $"not valid JSON: {ex.Message}");
            }
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ImportException(file, 1, null, "the JSON file must hold an array of records");
            }

            var layout = mapping.Format.Json!;
            var recordNumber = 0;
            var row = 0;
            foreach (var record in document.RootElement.EnumerateArray())
            {
                recordNumber++;
                if (!JsonPath.TryResolve(record, layout.RowsPath, out var rows) || rows.ValueKind != JsonValueKind.Array)
                {
                    throw new ImportException(file, recordNumber, layout.RowsPath, "missing array", "record");
                }

                foreach (var element in rows.EnumerateArray())
                {
                    row++;
                    yield return new CellSource(recordNumber, row, "record", record, element, layout.Annotations);
                }
            }
        }
    }

    private static List<string> HeaderNames(string[] first, bool hasHeader) =>
        hasHeader
            ? first.Select(h => h.Trim().TrimStart('\uFEFF')).ToList()
            : Enumerable.Range(1, first.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();

    /// <summary>A header that parses to one column while the mapping names several means the delimiter is wrong.</summary>
    private static void CheckDelimiter(string file, MappingFile mapping, List<string> header)
    {
        var expected = mapping.Fields.SelectMany(f => f.SourceColumns()).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (header.Count != 1 || expected <= 1)
        {
            return;
        }

        var configured = mapping.Format.DelimiterChar();
        var seen = CandidateDelimiters.Where(c => c != configured && header[0].Contains(c, StringComparison.Ordinal))
            .OrderByDescending(c => header[0].Count(x => x == c)).ToList();
        var hint = seen.Count > 0 ? $"; the file seems to use {Describe(seen[0])}" : "";
        throw new ImportException(file, 1, null,
            $"the header has a single column but the mapping expects {expected}: wrong delimiter (mapping says {Describe(configured)}{hint})");
    }

    private static void CheckRequiredColumns(string file, MappingFile mapping, List<string> header)
    {
        var virtualColumns = mapping.Format.Wide is { } w ? new[] { w.NameAs, w.ValueAs } : [];
        foreach (var field in mapping.Fields.Where(f => f.Required))
        {
            foreach (var column in field.SourceColumns())
            {
                if (!header.Contains(column, StringComparer.OrdinalIgnoreCase) && !virtualColumns.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
                    throw new ImportException(file, 1, column, "required column is missing from the header");
                }
            }
        }
    }

    private static string Describe(char c) => c switch
    {
        '\t' => "tab",
        ',' => "comma",
        ';' => "semicolon",
        '|' => "pipe",
        _ => $"'{c}'",
    };

    internal static string Truncate(string? s) => s is null ? "" : s.Length <= 40 ? s.Trim() : s[..40].Trim() + "…";

    /// <summary>Typed values from one raw row; holds the per-file state (month sequences, natural keys seen).</summary>
    private sealed class RowBuilder(string file, MappingFile mapping)
    {
        private readonly Dictionary<FieldMapping, (int Year, int Month)> _sequences = [];
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        private int[]? _attributeIndexes;
        private readonly Dictionary<string, FieldMapping> _byColumn = mapping.Fields
            .Where(f => f.Column is not null)
            .GroupBy(f => f.Column!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public int Count { get; private set; }

        public bool Keep(CellSource cells) =>
            mapping.Where.All(w => string.Equals(cells.Get(w.Column)?.Trim(), w.EqualTo, StringComparison.OrdinalIgnoreCase));

        public MappedRow Build(CellSource cells)
        {
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in mapping.Constants)
            {
                values[key] = value;
            }

            foreach (var field in mapping.Fields)
            {
                var name = field.FieldName;
                columns[name] = cells.RealColumn(field.Column ?? field.Columns.FirstOrDefault() ?? name);
                values[name] = Parse(field, cells, columns[name]);
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (mapping.Attributes is { } selection)
            {
                bool Selected(string c) => !mapping.IsLeaky(c) && !mapping.IsTarget(c) && selection.Includes(c);
                // A CSV header is fixed for the file: decide once which of its columns are attributes.
                var plain = cells.IsCsv
                    ? cells.Cells(_attributeIndexes ??= cells.PlainIndexes(Selected))
                    : cells.Plain(Selected);
                foreach (var (column, value) in plain)
                {
                    attributes[column] = value.Trim();
                }
            }

            bool? target = null;
            string? targetValue = null;
            if (mapping.Target is { } t && cells.Get(t.Column) is { } raw)
            {
                targetValue = raw.Trim();
                target = string.Equals(targetValue, t.Positive, StringComparison.OrdinalIgnoreCase);
            }

            CheckKey(cells, values, columns);
            Count++;
            return new MappedRow(file, cells.Line, cells.Row, cells.Unit, values, columns, attributes, target, targetValue);
        }

        private void CheckKey(CellSource cells, Dictionary<string, object?> values, Dictionary<string, string> columns)
        {
            if (mapping.NaturalKey.Count == 0)
            {
                return;
            }

            var parts = mapping.NaturalKey.Select(k => values.GetValueOrDefault(k)).ToList();
            var key = string.Join("\u001f", parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
            if (_keys.TryGetValue(key, out var firstLine))
            {
                var shown = string.Join(", ", mapping.NaturalKey.Zip(parts, (k, p) => $"{k}={Convert.ToString(p, CultureInfo.InvariantCulture)}"));
                throw new ImportException(file, cells.Line, columns.GetValueOrDefault(mapping.NaturalKey[0]),
                    $"duplicate natural key ({shown}); first seen on {cells.Unit} {firstLine}", cells.Unit);
            }

            _keys[key] = cells.Line;
        }

        private object? Parse(FieldMapping field, CellSource cells, string column)
        {
            if (field.Columns.Count > 0 && field.Type is FieldType.Int or FieldType.Double or FieldType.Decimal)
            {
                double sum = 0;
                var any = false;
                foreach (var c in field.Columns)
                {
                    var part = Mapped(field, cells.Get(c));
                    if (part is null || field.NullValues.Contains(part))
                    {
                        continue;
                    }

                    try
                    {
                        sum += Convert.ToDouble(ValueParser.Parse(field, part, _sequences), CultureInfo.InvariantCulture);
                        any = true;
                    }
                    catch (FormatException ex)
                    {
                        throw new ImportException(file, cells.Line, cells.RealColumn(c), ex.Message, cells.Unit);
                    }
                }

                return !any ? RequiredMissing(field, cells, column) : field.Type switch
                {
                    FieldType.Int => (int)sum,
                    FieldType.Decimal => (decimal)sum,
                    _ => sum,
                };
            }

            if (field.Columns.Count > 0)
            {
                return field.Columns.Select(c => Mapped(field, cells.Get(c)))
                    .SelectMany(v => v is null ? [] : v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Where(v => !field.NullValues.Contains(v))
                    .ToList();
            }

            var raw = field.Template is not null ? Render(field.Template, cells) : Mapped(field, cells.Get(field.Column!));
            if (raw is null || field.NullValues.Contains(raw))
            {
                return RequiredMissing(field, cells, column);
            }

            try
            {
                return ValueParser.Parse(field, raw, _sequences);
            }
            catch (FormatException ex)
            {
                throw new ImportException(file, cells.Line, column, ex.Message, cells.Unit);
            }
        }

        private object? RequiredMissing(FieldMapping field, CellSource cells, string column)
        {
            if (field.Required)
            {
                var present = field.Template is not null || field.SourceColumns().Any(cells.Has);
                throw new ImportException(file, cells.Line, column, present ? "a value is required" : "required column is missing", cells.Unit);
            }

            return null;
        }

        private static string? Mapped(FieldMapping field, string? raw)
        {
            if (raw is null)
            {
                return null;
            }

            var trimmed = raw.Trim();
            return field.Map.TryGetValue(trimmed, out var replaced) ? replaced : trimmed;
        }

        private string Render(string template, CellSource cells)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                if (open < 0)
                {
                    result.Append(template, i, template.Length - i);
                    break;
                }

                var close = template.IndexOf('}', open);
                if (close < 0)
                {
                    throw new MappingException($"template '{template}' has an unclosed '{{'");
                }

                result.Append(template, i, open - i);
                var inner = template[(open + 1)..close];
                var colon = inner.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? inner : inner[..colon];
                var format = colon < 0 ? null : inner[(colon + 1)..];
                if (name == "row")
                {
                    result.Append(cells.Row.ToString(format, CultureInfo.InvariantCulture));
                }
                else
                {
                    var value = cells.Get(name)?.Trim() ?? "";
                    if (_byColumn.TryGetValue(name, out var f) && f.Map.TryGetValue(value, out var replaced))
                    {
                        value = replaced;
                    }

                    result.Append(value);
                }

                i = close + 1;
            }

            return result.ToString();
        }
    }

    /// <summary>The cells of one raw row: a CSV record (possibly one melted cell of it) or a JSON row element.</summary>
    internal sealed class CellSource
    {
        private readonly List<string>? _header;
        private readonly Dictionary<string, int>? _index;
        private readonly string[]? _record;
        private readonly bool[]? _isWide;
        private readonly (MeltLayout Layout, string Name, string Value)? _melt;
        private readonly JsonElement _jsonRecord;
        private readonly JsonElement _jsonRow;
        private readonly JsonAnnotations? _annotations;

        public CellSource(int line, int row, string unit, List<string> header, Dictionary<string, int> index, string[] record,
            bool[] isWide, (MeltLayout, string, string)? melt)
        {
            Line = line;
            Row = row;
            Unit = unit;
            _header = header;
            _index = index;
            _record = record;
            _isWide = isWide;
            _melt = melt;
        }

        public CellSource(int record, int row, string unit, JsonElement jsonRecord, JsonElement jsonRow, JsonAnnotations? annotations)
        {
            _annotations = annotations;
            Line = record;
            Row = row;
            Unit = unit;
            _jsonRecord = jsonRecord;
            _jsonRow = jsonRow;
        }

        public int Line { get; }
        public int Row { get; }
        public string Unit { get; }

        public bool Has(string column) => Get(column) is not null;

        public string? Get(string column)
        {
            if (_record is null)
            {
                if (_annotations is { } a && string.Equals(column, a.As, StringComparison.OrdinalIgnoreCase))
                {
                    return Annotation(a);
                }

                var root = column.StartsWith('$') ? _jsonRecord : _jsonRow;
                var path = column.StartsWith('$') ? column.TrimStart('$').TrimStart('.') : column;
                return JsonPath.TryResolve(root, path, out var element) ? JsonPath.AsText(element) : null;
            }

            if (_melt is { } m)
            {
                if (string.Equals(column, m.Layout.NameAs, StringComparison.OrdinalIgnoreCase))
                {
                    return m.Name;
                }

                if (string.Equals(column, m.Layout.ValueAs, StringComparison.OrdinalIgnoreCase))
                {
                    return m.Value;
                }
            }

            return _index!.TryGetValue(column, out var i) ? _record[i] : null;
        }

        private string? Annotation(JsonAnnotations a)
        {
            var text = Get(a.MatchColumn);
            if (text is null || !JsonPath.TryResolve(_jsonRecord, a.Path, out var pairs) || pairs.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var pair in pairs.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() >= 2 && pair[0].GetString() == text)
                {
                    return JsonPath.AsText(pair[1]);
                }
            }

            return null;
        }

        /// <summary>The real header behind a column: for a melted value, the wide column it came from.</summary>
        public string RealColumn(string column) =>
            _melt is { } m && string.Equals(column, m.Layout.ValueAs, StringComparison.OrdinalIgnoreCase) ? m.Name : column;

        public bool IsCsv => _record is not null;

        public int[] PlainIndexes(Func<string, bool> selected) =>
            Enumerable.Range(0, _header!.Count).Where(i => !_isWide![i] && selected(_header[i])).ToArray();

        public IEnumerable<(string Column, string Value)> Cells(int[] indexes) => indexes.Select(i => (_header![i], _record![i]));

        /// <summary>Every ordinary (not wide) column the filter selects, with its raw text, for free attributes.</summary>
        public IEnumerable<(string Column, string Value)> Plain(Func<string, bool> selected)
        {
            if (_record is null)
            {
                if (_jsonRow.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in _jsonRow.EnumerateObject())
                    {
                        if (p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) && selected(p.Name))
                        {
                            yield return (p.Name, JsonPath.AsText(p.Value) ?? "");
                        }
                    }
                }

                yield break;
            }

            for (var i = 0; i < _record.Length; i++)
            {
                if (!_isWide![i] && selected(_header![i]))
                {
                    yield return (_header![i], _record[i]);
                }
            }
        }
    }
}
