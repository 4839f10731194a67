namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Held-out dialogues for the behaviour evals: SplitMix64(FNV-1a(UTF-16 code units of the id) xor seed) / 2^64 &lt; 0.2,
/// so a dialogue is wholly on one side and evals/baselines/behavior_baseline.py reproduces the same split.
/// </summary>
public static class DialogueSplit
{
    public const double TestShare = 0.2;
    public const ulong Seed = 1;

    public static bool IsTest(string dialogueId) => Uniform(dialogueId) < TestShare;

    public static double Uniform(string dialogueId)
    {
        ArgumentNullException.ThrowIfNull(dialogueId);
        var hash = 14695981039346656037UL;
        foreach (var c in dialogueId)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return Pricing.ParcelHash.Mix(hash ^ Seed) / 18446744073709551616.0;
    }
}
