using System.Text.RegularExpressions;

namespace JorgeCopilot.Api.Hosting;

/// <summary>
/// What an error may tell a caller: never .NET type names, file system paths or stack frames. Framework messages
/// ("Failed to bind parameter \"Nullable&lt;int&gt; limit\" from \"abc\"") are reworded to name only the parameter, and
/// anything that still looks like an internal is cut out, as the last line of defence for every problem body.
/// </summary>
public static partial class PublicErrorText
{
    /// <summary>The parameter a framework binding message is about, and the message reworded without its type.</summary>
    public static (string? Parameter, string Message) FromBindingFailure(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = TypedParameter().Match(message);
        if (!match.Success)
        {
            return (null, Scrub(message));
        }

        var name = match.Groups["name"].Value;
        var reworded = TypedParameter().Replace(message, $"parameter \"{name}\"");
        if (reworded.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            reworded = $"The value given for {name} is not valid" + (ValueOf().Match(reworded) is { Success: true } v ? $": \"{v.Groups["value"].Value}\"" : "") + ".";
        }
        else if (reworded.StartsWith("Failed to read", StringComparison.Ordinal))
        {
            reworded = $"The request body is not valid JSON for {name}.";
        }

        return (name, Scrub(reworded));
    }

    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = StackFrame().Replace(text, "");
        scrubbed = TypeName().Replace(scrubbed, "a value");
        scrubbed = FilePath().Replace(scrubbed, "(file)");
        return scrubbed.Trim();
    }

    // `"Nullable<int> limit"`, `"OutcomeRequest body"`, `"long leadId"`: a type, a space, then the parameter name.
    [GeneratedRegex(@"parameter ""(?<type>[^""]+?)\s(?<name>[A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex TypedParameter();

    [GeneratedRegex(@"from ""(?<value>[^""]{0,100})""")]
    private static partial Regex ValueOf();

    [GeneratedRegex(@"\s+at [\w.`<>\[\],]+\(.*?\)( in [^\r\n]*)?")]
    private static partial Regex StackFrame();

    // Namespaced type names (System.Nullable`1[System.Int64], JorgeCopilot.Intelligence.X, Microsoft.AspNetCore.Y) and generic
    // spellings of the framework (Nullable<int>).
    [GeneratedRegex(@"\b(System|Microsoft|JorgeCopilot|Npgsql)(\.[A-Za-z_][\w`]*)+(\[[^\]]*\])?|\bNullable(<[^>]*>|`1\[[^\]]*\])")]
    private static partial Regex TypeName();

    // Absolute paths: /tmp/..., /home/..., /app/..., C:\...
    [GeneratedRegex(@"(?<![\w:/])(/(tmp|home|root|app|src|var|usr|work|opt|etc)(/[^\s""']*)+|[A-Za-z]:\\[^\s""']+)")]
    private static partial Regex FilePath();
}
