namespace JorgeCopilot.Core.Import;

/// <summary>
/// A row (or the whole file) that cannot be imported. The message is one line naming the file, the line (for JSON the
/// record), the column and the reason, e.g. <c>leads.csv:12: column 'age': "abc" is not an int</c>.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException()
    {
        File = "";
        Reason = "";
    }

    public ImportException(string message) : base(message)
    {
        File = "";
        Reason = message;
    }

    public ImportException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    public ImportException(string file, int line, string? column, string reason, string unit = "line")
        : base(Format(file, line, column, reason, unit))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public string File { get; }
    public int Line { get; }
    public string? Column { get; }
    public string Reason { get; }

    private static string Format(string file, int line, string? column, string reason, string unit) =>
        column is null
            ? $"{Path.GetFileName(file)}: {unit} {line}: {reason}"
            : $"{Path.GetFileName(file)}: {unit} {line}, column '{column}': {reason}";
}
