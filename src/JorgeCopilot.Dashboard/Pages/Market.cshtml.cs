using JorgeCopilot.Core.Market;
using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>Valuation (by address or by facts, with comparables), list price and competition for an address, trends, undervalued homes and alerts.</summary>
public sealed class MarketModel(DataFreshness freshness) : PageModel
{
    [FromQuery(Name = "address")] public string? Address { get; set; }

    [FromQuery(Name = "zip")] public string? Zip { get; set; }

    [FromQuery(Name = "beds")] public double? Beds { get; set; }

    [FromQuery(Name = "baths")] public double? Baths { get; set; }

    [FromQuery(Name = "sqft")] public double? Sqft { get; set; }

    public string Freshness { get; private set; } = "";

    public object? ListPrice { get; private set; }

    public object? DaysToSell { get; private set; }

    public object? Valuation { get; private set; }

    public object? Trends { get; private set; }

    public object? Undervalued { get; private set; }

    public IReadOnlyList<InvestmentAlert> Alerts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.MarketAsync(cancellationToken);
        var services = HttpContext.RequestServices;
        if (services.GetService<PricingPlugin>() is { } pricing)
        {
            var address = Address?.Trim();
            if (!string.IsNullOrEmpty(address) && address.Length <= 200)
            {
                ListPrice = await pricing.RecommendListPriceAsync(address, cancellationToken);
                DaysToSell = await pricing.EstimateDaysToSellAsync(address, cancellationToken: cancellationToken);
            }

            if (!string.IsNullOrWhiteSpace(Zip))
            {
                Valuation = await pricing.EstimateValueAsync(zip: Zip.Trim(), bedrooms: Beds, bathrooms: Baths, sqft: Sqft, cancellationToken: cancellationToken);
            }

            Undervalued = await pricing.FindUndervaluedAsync(limit: 10, cancellationToken: cancellationToken);
        }

        if (services.GetService<MarketPlugin>() is { } market)
        {
            Trends = await market.MarketTrendsAsync(cancellationToken: cancellationToken);
        }

        if (services.GetService<InvestmentAlertService>() is { } alerts)
        {
            Alerts = await alerts.HistoryAsync(10, cancellationToken);
        }
    }
}
