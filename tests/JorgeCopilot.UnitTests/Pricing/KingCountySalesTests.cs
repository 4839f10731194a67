using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.UnitTests.Pricing;

public sealed class KingCountySalesTests
{
    [Fact]
    public void The_bundled_file_reads_through_its_mapping_with_the_published_semantics()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "data", "kc-house", KingCountySales.FileName);

        var sales = KingCountySales.Read(file);

        sales.Count.ShouldBe(21_613);
        var first = sales[0];
        first.ParcelId.ShouldBe("7129300520");
        first.SaleDate.ShouldBe(new DateOnly(2014, 10, 13));
        first.Price.ShouldBe(221_900);
        first.Home.Zip.ShouldBe("98178");
        first.Home.LivingSqft.ShouldBe(1180);
        // yr_renovated 0 means never renovated: missing, not the year 0.
        double.IsNaN(first.Home.YearRenovated).ShouldBeTrue();
        sales[1].Home.YearRenovated.ShouldBe(1991);
        // waterfront is a bool column: 1 for the waterfront parcel 0822039084, 0 elsewhere.
        sales.First(s => s.ParcelId == "0822039084").Home.Waterfront.ShouldBe(1);
        first.Home.Waterfront.ShouldBe(0);
        sales.Count(s => s.Home.Waterfront == 1).ShouldBe(163);
    }
}
