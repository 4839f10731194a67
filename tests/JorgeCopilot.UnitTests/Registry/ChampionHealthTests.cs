using JorgeCopilot.Core.Health;
using JorgeCopilot.Intelligence.Registry;

namespace JorgeCopilot.UnitTests.Registry;

public sealed class ChampionHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_loaded_champion_is_healthy_with_its_version()
    {
        var health = new ChampionHealth("pricing", _ => Task.FromResult<(int, string)?>((3, "21613 sales")));
        var result = await health.CheckAsync(Ct);
        result.State.ShouldBe(HealthState.Healthy);
        result.Description.ShouldBe("champion v3 loaded (21613 sales)");
        result.Data!["version"].ShouldBe(3);
    }

    [Fact]
    public async Task No_champion_is_degraded_and_says_how_to_train_one()
    {
        var health = new ChampionHealth("lead-scoring", _ => Task.FromResult<(int, string)?>(null));
        var result = await health.CheckAsync(Ct);
        result.State.ShouldBe(HealthState.Degraded);
        result.Description.ShouldContain("jorge train lead-scoring");
    }

    [Fact]
    public async Task A_champion_that_cannot_be_loaded_is_unhealthy_and_names_the_fix()
    {
        var health = new ChampionHealth("pricing", _ => throw new InvalidDataException("saved by an older version"));
        var result = await health.CheckAsync(Ct);
        result.State.ShouldBe(HealthState.Unhealthy);
        result.Description.ShouldContain("saved by an older version");
        result.Description.ShouldContain("jorge train pricing");
    }

    [Fact]
    public async Task A_missing_champion_being_trained_now_is_reported_as_under_way()
    {
        var training = new TrainingActivity(TimeProvider.System);
        var health = new ChampionHealth("pricing", _ => Task.FromResult<(int, string)?>(null), training);

        HealthContribution during;
        using (training.Begin("pricing"))
        {
            during = await health.CheckAsync(Ct);
        }

        var after = await health.CheckAsync(Ct);
        during.State.ShouldBe(HealthState.Degraded);
        during.Description.ShouldContain("training run started at");
        during.Description.ShouldContain("under way");
        after.Description.ShouldContain("jorge train pricing");
    }
}
