using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

public sealed class OutcomeValidationTests
{
    [Fact]
    public void Rejects_missing_and_invalid_fields_with_a_reason_each()
    {
        var errors = OutcomeEndpoint.Validate(new OutcomeRequest(" ", -1, null, DateTimeOffset.UtcNow.AddDays(5), -3m), TimeProvider.System);
        errors.Keys.ShouldBe(["key", "leadId", "converted", "value", "occurredAt"], ignoreOrder: true);
        OutcomeEndpoint.Validate(null, TimeProvider.System).Keys.ShouldBe(["body"]);
        OutcomeEndpoint.Validate(new OutcomeRequest("k1", 3, true), TimeProvider.System).ShouldBeEmpty();
    }
}
