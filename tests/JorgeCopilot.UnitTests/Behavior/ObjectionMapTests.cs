using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class ObjectionMapTests
{
    private static ObjectionMap Bundled() =>
        ObjectionMap.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "data", "persuasion-for-good", ObjectionMap.FileName)));

    [Fact]
    public void The_bundled_map_covers_every_objection_Jorge_hears()
    {
        Bundled().Objections.Select(o => o.Id).ShouldBe(["price", "not_ready", "trust", "commission", "wants_to_think", "information_request"], ignoreOrder: true);
    }

    [Fact]
    public void An_objection_without_a_source_act_is_never_a_class()
    {
        var map = Bundled();

        map.Classes.ShouldNotContain("commission");
        map.Classes.ShouldContain(ObjectionMap.None);
    }

    [Fact]
    public void A_source_act_maps_to_its_objection_and_any_other_act_to_none()
    {
        var map = Bundled();

        map.Map("disagree-donation").ShouldBe("price");
        map.Map("ask-org-info").ShouldBe("information_request");
        map.Map("greeting").ShouldBe(ObjectionMap.None);
    }

    [Fact]
    public void Every_objection_says_why_its_source_acts_stand_for_it()
    {
        Bundled().Objections.ShouldAllBe(o => o.Why.Length > 20);
    }
}
