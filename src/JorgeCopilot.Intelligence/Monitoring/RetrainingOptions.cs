using System.ComponentModel.DataAnnotations;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>The weekly retraining job. Bound from <c>Retraining</c>.</summary>
public sealed class RetrainingOptions
{
    public const string SectionName = "Retraining";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// On the embedded default store only: once the first-start seeding is done, train every selected task that has no
    /// champion yet, so the README's run command answers "who are my hottest leads?" without a manual <c>jorge train</c>.
    /// A configured store (PostgreSQL, or an explicit SQLite file) is never trained behind its owner's back.
    /// </summary>
    public bool TrainMissingOnFirstStart { get; set; } = true;

    /// <summary>Day of the week (UTC) of the run.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Sunday;

    /// <summary>Hour of the day (UTC) of the run.</summary>
    [Range(0, 23)]
    public int HourUtc { get; set; } = 3;

    /// <summary>Tasks to retrain; empty = every registered trainer.</summary>
    public List<string> Tasks { get; set; } = [];

    /// <summary>How long a SQLite lease lasts before another replica may take over a crashed run.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromHours(6);
}
