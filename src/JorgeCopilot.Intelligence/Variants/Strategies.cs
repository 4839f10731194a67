namespace JorgeCopilot.Intelligence.Variants;

/// <summary>The response strategies a variant can follow; names are stable (stored, templated, returned to bots).</summary>
public static class Strategies
{
    /// <summary>Jorge's own style: straight to the point, challenges the lead to decide.</summary>
    public const string Direct = "direct";
    public const string Empathetic = "empathetic";
    public const string SocialProof = "social_proof";
    public const string Urgency = "urgency";
    public const string Information = "information";
    public const string QuestionLed = "question_led";

    public static readonly IReadOnlyList<string> All = [Direct, Empathetic, SocialProof, Urgency, Information, QuestionLed];
}
