using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class ObjectionModelTests
{
    private static readonly (string Text, string Label)[] Rows =
    [
        ("that is far too expensive for me", "price"), ("I cannot afford that much money", "price"), ("the cost is too high", "price"),
        ("too much money right now", "price"), ("way too expensive honestly", "price"), ("I can't pay that amount", "price"),
        ("what does the organization do", "information_request"), ("how does the process work", "information_request"),
        ("can you tell me more about the organization", "information_request"), ("where does the money go exactly", "information_request"),
        ("what is their website", "information_request"), ("how do I sign up for it", "information_request"),
        ("hello how are you", "none"), ("I am doing well thanks", "none"), ("that sounds great", "none"), ("nice talking to you", "none"),
        ("good morning", "none"), ("sure thing", "none"), ("have a nice day", "none"), ("thanks a lot", "none"),
    ];

    // Ten copies of each row: with twenty rows the regulariser would flatten every prediction to the prior.
    private static List<ObjectionExample> Examples() => Enumerable.Repeat(Rows, 10).SelectMany(r => r)
        .Select(r => new ObjectionExample { Text = r.Text, Label = r.Label, DialogueId = r.Text }).ToList();

    [Fact]
    public void A_price_complaint_is_more_likely_price_than_a_greeting_is()
    {
        var model = ObjectionModel.Train(Examples());

        Probability(model, "this is too expensive, I can't afford it", "price").ShouldBeGreaterThan(Probability(model, "hello, good morning", "price") + 0.05);
    }

    [Fact]
    public void The_distribution_sums_to_one_over_the_trained_classes()
    {
        var distribution = ObjectionModel.Train(Examples()).Distribution("what does the organization do with the money");

        distribution.Select(d => d.Objection).ShouldBe(["information_request", "none", "price"], ignoreOrder: true);
        distribution.Sum(d => d.Probability).ShouldBe(1, 1e-4);
    }

    [Fact]
    public void A_question_about_the_organization_is_more_likely_an_information_request_than_a_thank_you_is()
    {
        var model = ObjectionModel.Train(Examples());

        Probability(model, "what does the organization do with the money", "information_request")
            .ShouldBeGreaterThan(Probability(model, "thanks a lot, have a nice day", "information_request") + 0.05);
    }

    private static double Probability(ObjectionModel model, string text, string objection) =>
        model.Distribution(text).Single(d => d.Objection == objection).Probability;

    [Fact]
    public void Training_twice_on_the_same_rows_gives_the_same_probabilities()
    {
        var a = ObjectionModel.Train(Examples()).Distribution("is it expensive");
        var b = ObjectionModel.Train(Examples()).Distribution("is it expensive");

        a.ShouldBe(b);
    }
}
