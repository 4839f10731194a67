namespace JorgeCopilot.Intelligence.Market;

/// <summary>One month of one series.</summary>
public readonly record struct MonthlyPoint(DateOnly Month, double Value);
