using Caravan.Network;
using Caravan.Tariffs;

namespace Caravan.Core.Tests.Tariffs;

public class QuoteSummaryTests
{
    private static readonly Charge[] Charges =
    [
        new("KTZ", ChargeCategory.Freight, "Rate", 636m, "USD", 636.00m),
        new("Terminal KZAKT", ChargeCategory.Transshipment, "Lift", 150m, "USD", 150.00m),
        new("ASCO", ChargeCategory.Ferry, "Ferry", 550m, "EUR", 632.50m),
        new("KTZ", ChargeCategory.Surcharge, "DG", 318m, "USD", 318.00m),
        new("ASCO", ChargeCategory.PortDues, "Dues", 100m, "EUR", 115.00m),
        new("KTZ", ChargeCategory.Freight, "Volume discount 5 %", -31.8m, "USD", -31.80m),
    ];

    [Fact]
    public void TotalIsTheSumOfRoundedLines() =>
        Assert.Equal(1819.70m, QuoteSummary.Total(Charges)); // 636 + 150 + 632.50 + 318 + 115 − 31.80

    [Fact]
    public void ByCarrierInOrderOfFirstAppearance() =>
        Assert.Equal(
            [
                new KeyValuePair<string, decimal>("KTZ", 922.20m),           // 636 + 318 − 31.80
                new KeyValuePair<string, decimal>("Terminal KZAKT", 150.00m),
                new KeyValuePair<string, decimal>("ASCO", 747.50m),           // 632.50 + 115
            ],
            QuoteSummary.ByCarrier(Charges));

    [Fact]
    public void ByCategoryInCategoryOrder() =>
        Assert.Equal(
            [
                new KeyValuePair<ChargeCategory, decimal>(ChargeCategory.Freight, 604.20m), // 636 − 31.80
                new KeyValuePair<ChargeCategory, decimal>(ChargeCategory.PortDues, 115.00m),
                new KeyValuePair<ChargeCategory, decimal>(ChargeCategory.Ferry, 632.50m),
                new KeyValuePair<ChargeCategory, decimal>(ChargeCategory.Transshipment, 150.00m),
                new KeyValuePair<ChargeCategory, decimal>(ChargeCategory.Surcharge, 318.00m),
            ],
            QuoteSummary.ByCategory(Charges));

    [Fact]
    public void EmptyQuoteTotalsZero()
    {
        Assert.Equal(0m, QuoteSummary.Total([]));
        Assert.Empty(QuoteSummary.ByCarrier([]));
    }
}
