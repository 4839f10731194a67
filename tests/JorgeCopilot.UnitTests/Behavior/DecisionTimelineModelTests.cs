using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class DecisionTimelineModelTests
{
    [Fact]
    public void Leads_that_never_converted_lower_the_converted_share_instead_of_vanishing()
    {
        // 40 converted after 1..4 touches, 60 gave up after 5: converting is the exception, as in a real campaign.
        var subjects = Enumerable.Range(0, 40).Select(i => Subject(i, touches: 1 + (i % 4), converted: true))
            .Concat(Enumerable.Range(40, 60).Select(i => Subject(i, touches: 5, converted: false))).ToList();

        var clock = DecisionTimelineModel.Touches(subjects, subjects[^1]);

        clock.Supported.ShouldBeTrue();
        clock.EventualPercent!.Value.ShouldBe(40, 0.01);
        clock.KaplanMeierMedian.ShouldBeNull();
        clock.MedianAmongConverted.ShouldBe(2.5);
    }

    [Fact]
    public void A_jump_in_the_tail_where_few_leads_are_left_does_not_move_the_eventual_share()
    {
        var subjects = Enumerable.Range(0, 20).Select(i => Subject(i, touches: 1, converted: true))
            .Concat(Enumerable.Range(20, 170).Select(i => Subject(i, touches: 1, converted: false)))
            .Concat(Enumerable.Range(190, 10).Select(i => Subject(i, touches: 5, converted: i < 195))).ToList();

        var clock = DecisionTimelineModel.Touches(subjects, subjects[0]);

        clock.EventualPercent.ShouldBe(10);
        clock.Steps.Single(s => s.At == 5).ConvertedByPercent.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void An_open_lead_past_the_usual_touches_has_a_lower_chance_than_a_fresh_one()
    {
        var subjects = Enumerable.Range(0, 50).Select(i => Subject(i, touches: 1 + (i % 3), converted: true))
            .Concat(Enumerable.Range(50, 50).Select(i => Subject(i, touches: 6, converted: false))).ToList();

        var fresh = DecisionTimelineModel.Touches(subjects, Subject(999, touches: 0.5, converted: false));
        var stale = DecisionTimelineModel.Touches(subjects, Subject(998, touches: 4, converted: false));

        fresh.ChanceNextPercent!.Value.ShouldBeGreaterThan(stale.ChanceNextPercent!.Value);
        stale.ChanceNextPercent.ShouldBe(0);
    }

    [Fact]
    public void Conversions_dated_in_the_month_of_contact_do_not_pretend_to_measure_days()
    {
        var subjects = Enumerable.Range(0, 100).Select(i => Subject(i, touches: 1, converted: i < 30, days: 0)).ToList();

        var days = DecisionTimelineModel.Days(subjects, subjects[0]);

        days.Supported.ShouldBeFalse();
        days.WhyNot!.ShouldContain("not measured");
        days.Steps.ShouldBeEmpty();
    }

    [Fact]
    public void The_lead_s_own_stratum_is_used_only_when_it_holds_enough_conversions()
    {
        var big = Enumerable.Range(0, 80).Select(i => Subject(i, touches: 1 + (i % 2), converted: i % 2 == 0, stratum: "cellular"));
        var small = Enumerable.Range(80, 10).Select(i => Subject(i, touches: 1, converted: true, stratum: "telephone"));
        var subjects = big.Concat(small).ToList();

        DecisionTimelineModel.Touches(subjects, subjects[0]).Stratum.ShouldBe("cellular");
        DecisionTimelineModel.Touches(subjects, subjects[^1]).Stratum.ShouldBe("all");
    }

    [Fact]
    public void The_survival_curve_steps_down_only_at_events_and_never_rises()
    {
        var curve = KaplanMeier.Curve([(1, true), (2, false), (3, true), (3, true), (5, false)]);

        curve.Select(s => s.Time).ShouldBe([1.0, 3.0]);
        curve[0].Survival.ShouldBe(0.8, 1e-9);
        curve[1].Survival.ShouldBe(0.8 * (1 - (2.0 / 3)), 1e-9);
        KaplanMeier.SurvivalAt(curve, 0).ShouldBe(1);
        KaplanMeier.SurvivalAt(curve, 4).ShouldBe(curve[1].Survival);
    }

    private static TimelineSubject Subject(long id, double touches, bool converted, double? days = null, string stratum = "any") =>
        new(id, touches, days, converted, stratum);
}
