using Microsoft.Extensions.Options;

namespace JorgeCopilot.Core.Data;

/// <summary>Finds the data folders: the bundled sets (always present) and the shared, non-redistributable ones (optional).</summary>
public sealed class DataLocator(IOptions<DataOptions> options)
{
    public const string SharedDataEnvironmentVariable = "JORGE_SHARED_DATA";

    public string BundledDirectory()
    {
        var configured = options.Value.BundledDirectory;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var candidates = new[] { Path.Combine(AppContext.BaseDirectory, "data") }
            .Concat(Ancestors(Directory.GetCurrentDirectory()).Select(d => Path.Combine(d, "data")));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "README.md")))
            ?? throw new DirectoryNotFoundException("The bundled data folder was not found; set Data:BundledDirectory.");
    }

    /// <summary>The shared data folder, or null when this machine has none (evals then skip the sets that need it).</summary>
    public string? SharedDirectory()
    {
        var configured = options.Value.SharedDirectory ?? Environment.GetEnvironmentVariable(SharedDataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        return Ancestors(Directory.GetCurrentDirectory()).Concat(Ancestors(AppContext.BaseDirectory))
            .Select(d => Path.Combine(d, "shared", "data"))
            .FirstOrDefault(Directory.Exists);
    }

    /// <summary>Path of a bundled file, e.g. <c>Bundled("kc-house", "kc_house_data.csv.gz")</c>.</summary>
    public string Bundled(params string[] parts) => Path.Combine([BundledDirectory(), .. parts]);

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
