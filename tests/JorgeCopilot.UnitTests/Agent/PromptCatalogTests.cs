using System.Text.Json;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.Extensions.Options;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class PromptCatalogTests
{
    private static readonly PromptCatalog Catalog = new();

    [Fact]
    public void Every_prompt_loads_and_renders()
    {
        Catalog.Names.Count.ShouldBeGreaterThan(20);
        Catalog.Names.ShouldContain("system.md");
        foreach (var name in Catalog.Names)
        {
            var text = Catalog.Get(name);
            text.ShouldNotBeNullOrWhiteSpace(name);
            if (name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    JsonDocument.Parse(line).RootElement.ValueKind.ShouldBe(JsonValueKind.Object, name);
                }

                continue;
            }

            var values = Catalog.Placeholders(name).ToDictionary(p => p, p => $"<{p}>");
            var rendered = Catalog.Render(name, values);
            rendered.ShouldNotContain("{{", customMessage: name);
            foreach (var placeholder in values.Values)
            {
                rendered.ShouldContain(placeholder, customMessage: name);
            }
        }
    }

    [Fact]
    public void Rendering_with_a_missing_value_fails_loudly() =>
        Should.Throw<InvalidOperationException>(() => Catalog.Render("answers/score_lead.md", new Dictionary<string, string>()));

    [Fact]
    public void Every_planner_intent_has_many_phrasings()
    {
        var utterances = IntentClassifier.LoadUtterances(Catalog, new SlotExtractor(TimeProvider.System), BuiltInCapabilities.Create());
        foreach (var group in utterances.GroupBy(u => u.Label))
        {
            group.Count().ShouldBeGreaterThanOrEqualTo(20, group.Key);
        }
    }

    [Theory]
    [InlineData("local", null, null, null, true)]
    [InlineData("openai", "http://127.0.0.1:11434/v1", "llama3.1", null, true)]
    [InlineData("openai", null, "gpt-4o-mini", null, false)]
    [InlineData("openai", "http://127.0.0.1:11434/v1", null, null, false)]
    [InlineData("claude", null, null, null, false)]
    public void Provider_options_are_validated(string provider, string? endpoint, string? model, string? key, bool valid)
    {
        var options = new CopilotOptions { Provider = provider, Endpoint = endpoint is null ? null : new Uri(endpoint), Model = model, ApiKey = key };
        var validator = typeof(CopilotOptions).Assembly.GetType("JorgeCopilot.Agent.CopilotOptionsValidator")!;
        var result = ((IValidateOptions<CopilotOptions>)Activator.CreateInstance(validator)!).Validate(null, options);
        result.Succeeded.ShouldBe(valid);
    }
}
