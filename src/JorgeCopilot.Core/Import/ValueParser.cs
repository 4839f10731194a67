using System.Globalization;

namespace JorgeCopilot.Core.Import;

/// <summary>Parses one trimmed, non-blank cell by its field's type; a bad value throws <see cref="FormatException"/> with the reason.</summary>
internal static class ValueParser
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static object Parse(FieldMapping field, string raw, Dictionary<FieldMapping, (int Year, int Month)> sequences)
    {
        var inv = CultureInfo.InvariantCulture;
        return field.Type switch
        {
            FieldType.String => raw,
            FieldType.Category => Category(field, raw),
            FieldType.Int => int.TryParse(raw, NumberStyles.Integer, inv, out var i)
                ? (int)Clip(field, i)
                : throw Bad(raw, "an int"),
            FieldType.Double => double.TryParse(raw, NumberStyles.Float, inv, out var d) && double.IsFinite(d)
                ? Clip(field, d)
                : throw Bad(raw, "a number"),
            FieldType.Decimal => decimal.TryParse(raw, NumberStyles.Float, inv, out var m)
                ? field.Clip.Count == 2 ? Math.Clamp(m, (decimal)field.Clip[0], (decimal)field.Clip[1]) : m
                : throw Bad(raw, "a decimal number"),
            FieldType.Bool => Bool(field, raw),
            FieldType.Date => field.IsMonthSequence ? MonthSequence(field, raw, sequences) : Date(field, raw),
            FieldType.DateTime => DateTime(field, raw),
            _ => throw new FormatException($"unknown type {field.Type}"),
        };
    }

    private static string Category(FieldMapping field, string raw)
    {
        if (field.Values.Count > 0 && !field.Values.Contains(raw, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"\"{MappedFileReader.Truncate(raw)}\" is not one of {string.Join(", ", field.Values)}");
        }

        return raw;
    }

    private static bool Bool(FieldMapping field, string raw)
    {
        if (field.TrueValues.Contains(raw, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (field.FalseValues.Contains(raw, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        throw Bad(raw, $"a bool ({string.Join("/", field.TrueValues)} or {string.Join("/", field.FalseValues)})");
    }

    private static DateOnly Date(FieldMapping field, string raw)
    {
        var inv = CultureInfo.InvariantCulture;
        if (field.Format is { } format)
        {
            return System.DateTime.TryParseExact(raw, format, inv, DateTimeStyles.None, out var exact)
                ? DateOnly.FromDateTime(exact)
                : throw Bad(raw, $"a date in the format {format}");
        }

        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", inv, DateTimeStyles.None, out var iso)
            ? iso
            : throw Bad(raw, "a date (yyyy-MM-dd)");
    }

    private static DateTime DateTime(FieldMapping field, string raw)
    {
        var inv = CultureInfo.InvariantCulture;
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var ok = field.Format is { } format
            ? System.DateTime.TryParseExact(raw, format, inv, styles, out var value)
            : System.DateTime.TryParse(raw, inv, styles, out value);
        return ok
            ? System.DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw Bad(raw, field.Format is null ? "a date and time (ISO 8601)" : $"a date and time in the format {field.Format}");
    }

    /// <summary>
    /// Month names in time order without a year (bank-marketing): the year starts at <c>startYear</c> and advances each
    /// time the month goes back (dec → mar). Valid only when rows are in time order, which the mapping asserts by using it.
    /// </summary>
    private static DateOnly MonthSequence(FieldMapping field, string raw, Dictionary<FieldMapping, (int Year, int Month)> sequences)
    {
        var month = Array.FindIndex(MonthNames, m => raw.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0)
        {
            throw Bad(raw, "a month name (jan … dec)");
        }

        var (year, previous) = sequences.TryGetValue(field, out var s) ? s : (field.StartYear!.Value, month);
        if (month < previous)
        {
            year++;
        }

        sequences[field] = (year, month);
        return new DateOnly(year, month, 1);
    }

    private static double Clip(FieldMapping field, double value) =>
        field.Clip.Count == 2 ? Math.Clamp(value, field.Clip[0], field.Clip[1]) : value;

    private static FormatException Bad(string raw, string expected) =>
        new($"\"{MappedFileReader.Truncate(raw)}\" is not {expected}");
}
