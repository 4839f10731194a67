namespace JorgeCopilot.Intelligence.Variants;

public enum OutcomeRecording
{
    /// <summary>The outcome changed the arm's counts.</summary>
    Counted,
    /// <summary>The outcome was already known for this served variant (a retry or a lower stage): nothing changed.</summary>
    AlreadyRecorded,
    /// <summary>No variant was served under that id.</summary>
    UnknownServedId,
}
