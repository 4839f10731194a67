using JorgeCopilot.Core.Sms;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class VariantGeneratorTests
{
    private static readonly VariantTemplates Templates = new();
    private static readonly VariantGenerator Generator = new(Templates, Options.Create(new VariantsOptions()), NullLogger<VariantGenerator>.Instance);

    public static TheoryData<string> AllStrategies => new(Strategies.All);

    [Fact]
    public void Every_strategy_has_at_least_two_tones()
    {
        foreach (var strategy in Strategies.All)
        {
            Templates.For(strategy).Count.ShouldBeGreaterThanOrEqualTo(2, strategy);
        }
    }

    [Fact]
    public void Templates_use_only_placeholders_the_profile_fills()
    {
        var known = LeadProfile.From(null, true, null, null).Values("reply", VariantGenerator.AgentName).Keys;
        foreach (var template in Strategies.All.SelectMany(Templates.For))
        {
            VariantTemplates.Placeholders(template.Text).ShouldBeSubsetOf(known, $"{template.Strategy}/{template.Tone}");
        }
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void No_placeholder_leaks_and_every_variant_fits_three_sms_segments_for_any_profile_goal_and_tone(string strategy)
    {
        var profiles = new[]
        {
            LeadProfile.From(null, true, null, null),
            LeadProfile.From("Maximiliana-Josephine Featherstonehaugh", false, "seller", "Lake Forest Park"),
            LeadProfile.From("Al", false, "buyer", "98103"),
        };
        foreach (var profile in profiles)
        {
            foreach (var goal in new[] { "reply", "appointment", "conversion" })
            {
                for (var rotation = 0; rotation < 2; rotation++)
                {
                    var variant = Generator.Generate(strategy, profile, goal, rotation).ShouldNotBeNull();
                    variant.Text.ShouldNotContain("{{");
                    variant.Text.ShouldNotContain("}}");
                    variant.SmsSegments.ShouldBeLessThanOrEqualTo(3);
                    variant.Strategy.ShouldBe(strategy);
                }
            }
        }
    }

    [Fact]
    public void A_tighter_sms_budget_is_respected_or_nothing_is_returned()
    {
        var oneSegment = new VariantGenerator(Templates, Options.Create(new VariantsOptions { MaxSmsSegments = 1 }), NullLogger<VariantGenerator>.Instance);
        var profile = LeadProfile.From("Maximiliana", false, "seller", "Lake Forest Park");

        foreach (var strategy in Strategies.All)
        {
            if (oneSegment.Generate(strategy, profile, "conversion", 0) is { } variant)
            {
                SmsSegments.Count(variant.Text).ShouldBe(1);
            }
        }
    }

    [Fact]
    public void The_tone_rotates_with_the_lead()
    {
        var profile = LeadProfile.From("Ana", false, null, null);

        var first = Generator.Generate(Strategies.Direct, profile, "reply", 0)!;
        var second = Generator.Generate(Strategies.Direct, profile, "reply", 1)!;

        first.Tone.ShouldNotBe(second.Tone);
    }

    [Theory]
    [InlineData("reply", "Reply YES")]
    [InlineData("appointment", "15-minute call")]
    [InlineData("conversion", "paperwork")]
    public void Every_strategy_ends_on_the_next_step_of_the_goal(string goal, string step)
    {
        foreach (var strategy in Strategies.All)
        {
            Generator.Generate(strategy, LeadProfile.From("Ana", false, null, null), goal, 0)!.Text.ShouldContain(step, Case.Sensitive, strategy);
        }
    }

    [Fact]
    public void A_lowercase_fact_at_the_start_of_a_sentence_is_capitalised()
    {
        var template = new VariantTemplate("test", "t", "Hi. {{topic}} is next.");

        VariantTemplates.Render(template, new Dictionary<string, string> { ["topic"] = "your home search" }).ShouldBe("Hi. Your home search is next.");
    }
}
