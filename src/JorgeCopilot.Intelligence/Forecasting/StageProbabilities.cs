using JorgeCopilot.Core.Deals;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// How likely an open deal is to close, learned from resolved deals: P(contract | open) from deals that reached a
/// contract against those lost before one, P(close | under contract) from closings against deals lost in escrow. A
/// Laplace prior (one success, one failure) keeps a short history from giving 0% or 100%.
/// </summary>
public sealed record StageProbabilities(double OpenToContract, double ContractToClose, int ResolvedDeals)
{
    public double CloseFrom(string stage) => stage == DealStages.UnderContract ? ContractToClose : OpenToContract * ContractToClose;

    public static StageProbabilities Learn(IEnumerable<DealRecord> deals, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var resolved = deals.Where(d => d.Resolved is { } r && r <= asOf && d.Stage is DealStages.Closed or DealStages.Lost).ToArray();
        var closed = resolved.Count(d => d.Stage == DealStages.Closed);
        var lostInEscrow = resolved.Count(d => d.Stage == DealStages.Lost && d.LostFromStage == DealStages.UnderContract);
        var lostBefore = resolved.Count(d => d.Stage == DealStages.Lost && d.LostFromStage != DealStages.UnderContract);
        var contracted = closed + lostInEscrow;
        return new StageProbabilities(
            (contracted + 1.0) / (contracted + lostBefore + 2.0),
            (closed + 1.0) / (contracted + 2.0),
            resolved.Length);
    }
}
