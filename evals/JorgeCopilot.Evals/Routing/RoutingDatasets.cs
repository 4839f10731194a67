using System.Text.Json;

namespace JorgeCopilot.Evals.Routing;

/// <summary>Reads the routing cases (<c>routing.jsonl</c> and every <c>routing.&lt;capability&gt;.jsonl</c>) and the workspace they talk about.</summary>
public static class RoutingDatasets
{
    public const string WorkspaceFile = "routing.workspace.json";

    public static List<RoutingCase> ReadAllCases()
    {
        var cases = Directory.EnumerateFiles(Path.GetDirectoryName(Locate("routing.jsonl"))!, "routing*.jsonl").Order(StringComparer.Ordinal).SelectMany(ReadCases).ToList();
        // The id names the case's conversation: two cases with one id would share dialogue state.
        var repeated = cases.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return repeated.Count == 0 ? cases : throw new InvalidDataException($"routing case ids must be unique across files; repeated: {string.Join(", ", repeated)}");
    }

    public static RoutingWorkspace ReadWorkspace() =>
        JsonSerializer.Deserialize<RoutingWorkspace>(File.ReadAllText(Locate(WorkspaceFile))) ?? throw new InvalidDataException($"{WorkspaceFile} is empty.");

    public static List<RoutingCase> ReadCases(string file)
    {
        var cases = new List<RoutingCase>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var c = JsonSerializer.Deserialize<RoutingCase>(line) ?? throw new InvalidDataException($"{file}:{lineNo}: empty case.");
            if (c.Turns is not { Count: > 0 })
            {
                throw new InvalidDataException($"{file}:{lineNo}: case '{c.Id}' has no turns.");
            }

            cases.Add(c);
        }

        return cases;
    }

    /// <summary>The dataset beside the program (copied by the Evals project) or in the repository's evals/datasets.</summary>
    public static string Locate(string fileName)
    {
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "datasets", fileName);
        if (File.Exists(besideProgram))
        {
            return besideProgram;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "evals", "datasets", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Eval dataset '{fileName}' not found beside the program or under evals/datasets.");
    }
}
