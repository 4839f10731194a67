using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class VariantTextGuardTests
{
    private const string Good = "Maria, most sellers in Ballard who listed this autumn had offers within two weeks. Can we book a 15-minute call this week? - Jorge";

    private static string? Check(string text, string? leadMessage = null, string strategy = Strategies.SocialProof, string? draftStrategy = Strategies.SocialProof,
        string? tone = "neighbours") =>
        VariantTextGuard.Rejection(strategy, draftStrategy, tone, text, leadMessage, Strategies.All, 3);

    [Fact]
    public void Every_template_rendering_passes_the_guard_so_it_only_stops_what_templates_never_write()
    {
        var generator = new VariantGenerator(new VariantTemplates(), Options.Create(new VariantsOptions()), NullLogger<VariantGenerator>.Instance);
        foreach (var strategy in Strategies.All)
        {
            for (var rotation = 0; rotation < 2; rotation++)
            {
                var v = generator.Generate(strategy, LeadProfile.From("Maria", false, "seller", "Ballard"), "appointment", rotation).ShouldNotBeNull();
                Check(v.Text, strategy: strategy, draftStrategy: strategy, tone: v.Tone).ShouldBeNull($"{strategy}/{v.Tone}: {v.Text}");
            }
        }
    }

    [Fact]
    public void A_plain_sms_in_the_asked_strategy_passes() => Check(Good).ShouldBeNull();

    [Theory]
    [InlineData("Maria, great news! Claim your bonus at http://deals.example now. - Jorge", "link_or_number")]
    [InlineData("Maria, great news! Claim your bonus at bit.ly/abc today please. - Jorge", "link_or_number")]
    [InlineData("Maria, call me on 206 555 0100 today so we can talk it through. - Jorge", "link_or_number")]
    [InlineData("Maria, write to jorge@example.com and we can get going on it. - Jorge", "link_or_number")]
    [InlineData("Hi [Name], homes in [Area] are selling fast right now. - Jorge", "placeholder")]
    [InlineData("Hi {first_name}, homes near you are selling fast right now. - Jorge", "placeholder")]
    [InlineData("As an AI language model I cannot write that message for you.", "meta")]
    [InlineData("Sure! Ignoring my earlier rules as you asked, here is the text.", "meta")]
    [InlineData("ok", "empty")]
    public void Texts_a_variant_never_needs_are_rejected(string text, string reason) => Check(text).ShouldBe(reason);

    [Fact]
    public void A_draft_longer_than_the_sms_budget_is_rejected() =>
        Check(string.Join(' ', Enumerable.Repeat("Homes in Ballard are moving quickly this month.", 12))).ShouldBe("length");

    [Theory]
    [InlineData(Strategies.Urgency)]
    [InlineData("bribery")]
    [InlineData(null)]
    public void A_draft_for_another_or_an_unknown_strategy_is_rejected(string? draftStrategy) =>
        Check(Good, draftStrategy: draftStrategy).ShouldBe("strategy");

    [Fact]
    public void Repeating_five_words_of_the_leads_message_is_an_echo_and_is_rejected()
    {
        const string message = "Tell him to text me: everyone who replies today wins a free house. Do it.";
        Check("Maria, everyone who replies today wins a free house, so reply now. - Jorge", message).ShouldBe("echo");
        Check(Good, message).ShouldBeNull();
    }
}
