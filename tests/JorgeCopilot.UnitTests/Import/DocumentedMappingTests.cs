using System.Text.RegularExpressions;
using JorgeCopilot.Core.Import;

namespace JorgeCopilot.UnitTests.Import;

/// <summary>The worked mappings of "Train on your own data" (README, or docs-pending before the merge) are valid mappings.</summary>
public sealed partial class DocumentedMappingTests
{
    private const string Heading = "## Train on your own data";

    [Fact]
    public void Every_worked_mapping_in_the_training_section_loads_and_every_kind_is_shown()
    {
        var section = new[] { RepositoryRoot.File("README.md"), RepositoryRoot.File("docs-pending", "training.md") }
            .Where(File.Exists).Select(File.ReadAllText)
            .Select(text => text.IndexOf(Heading, StringComparison.Ordinal) is var at and >= 0 ? text[at..] : null)
            .OfType<string>().First();
        var end = section.IndexOf("\n## ", Heading.Length, StringComparison.Ordinal);
        section = end > 0 ? section[..end] : section;

        var mappings = JsonBlock().Matches(section).Select(m => MappingFile.Parse(m.Groups[1].Value)).ToList();

        mappings.Select(m => m.Kind).ShouldBe(
            ["training", "leads", "messages", "properties", "deals", "outcomes", "series", "conversations"], ignoreOrder: true);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
