namespace JorgeCopilot.Intelligence.Variants;

/// <summary>A filled template for one strategy, before the bandit's bookkeeping is attached.</summary>
public sealed record GeneratedVariant(string Strategy, string Tone, string Text, int SmsSegments);
