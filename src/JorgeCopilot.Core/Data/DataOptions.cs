namespace JorgeCopilot.Core.Data;

/// <summary>Where the data sets live. Bound from the <c>Data</c> section.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>The bundled, redistributable data sets; defaults to the <c>data</c> folder copied beside the program.</summary>
    public string? BundledDirectory { get; set; }

    /// <summary>
    /// The workplace's shared data (sets we may read but must not redistribute, e.g. X Education).
    /// Defaults to <c>JORGE_SHARED_DATA</c>, else the first <c>shared/data</c> found beside an ancestor of the working directory.
    /// </summary>
    public string? SharedDirectory { get; set; }
}
