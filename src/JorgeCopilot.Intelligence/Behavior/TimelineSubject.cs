namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// One lead as the decision-timeline model sees it: how many touches and days it was observed for, whether it converted
/// at the end of them (otherwise it is censored there: lost, or still open), and its stratum.
/// </summary>
/// <param name="Touches">Contacts made until conversion (or until now); null when none are recorded.</param>
/// <param name="Days">Days from creation until conversion (or until it was lost, or until now); null without a creation date.</param>
public sealed record TimelineSubject(long LeadId, double? Touches, double? Days, bool Converted, string Stratum);
