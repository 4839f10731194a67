using System.Text.RegularExpressions;
using JorgeCopilot.Core.Import;

namespace JorgeCopilot.UnitTests.Import;

/// <summary>The worked mappings of docs/train-on-your-own-data.md (linked from the README) are valid mappings.</summary>
public sealed partial class DocumentedMappingTests
{
    [Fact]
    public void Every_worked_mapping_in_the_training_section_loads_and_every_kind_is_shown()
    {
        var section = File.ReadAllText(RepositoryRoot.File("docs", "train-on-your-own-data.md"));

        var mappings = JsonBlock().Matches(section).Select(m => MappingFile.Parse(m.Groups[1].Value)).ToList();

        mappings.Select(m => m.Kind).ShouldBe(
            ["training", "leads", "messages", "properties", "deals", "outcomes", "series", "conversations"], ignoreOrder: true);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
