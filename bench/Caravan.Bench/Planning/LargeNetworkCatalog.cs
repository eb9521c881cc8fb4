using Caravan.Network;

namespace Caravan.Bench.Planning;

/// <summary>Tariffs per carrier (in the carrier's currency), exchange rates and emission classes of the generated network.</summary>
internal sealed partial class LargeNetworkBuilder
{
    /// <summary>USD per unit of each currency: round, plausible figures; the benchmark only needs them to be fixed.</summary>
    private static readonly Dictionary<string, decimal> RatesToUsd = new()
    {
        ["USD"] = 1m, ["EUR"] = 1.08m, ["CNY"] = 0.14m, ["KZT"] = 0.002m, ["RUB"] = 0.011m, ["BYN"] = 0.31m,
        ["GEL"] = 0.37m, ["AZN"] = 0.59m, ["TRY"] = 0.026m, ["PLN"] = 0.25m,
    };

    private static string CurrencyOf(string carrier) => carrier switch
    {
        "China Railway" or "China Railway Xinjiang" or "Sinotrans Road" or "Xinjiang Trucking" => "CNY",
        "KTZ" or "KTZ West" or "KZ Trucking" => "KZT",
        "RZD" or "RU Trucking" => "RUB",
        "Belarusian Railway" or "BY Trucking" => "BYN",
        "Georgian Railway" => "GEL",
        "ADY" or "Caucasus Trucking" => "AZN",
        "TCDD Tasimacilik" or "TR Trucking" => "TRY",
        "DB Cargo" or "EU Trucking" or "Transbalkan Express" => "EUR",
        "PKP Cargo" => "PLN",
        _ => "USD",
    };

    private Dictionary<string, Tariff> BuildTariffs()
    {
        var tariffs = new Dictionary<string, Tariff>(StringComparer.Ordinal);
        foreach (var group in _services.GroupBy(s => s.Carrier).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string currency = CurrencyOf(group.Key);
            decimal rate = RatesToUsd[currency];
            // Amounts are drawn in USD and published in the carrier's currency, as carriers do.
            decimal Local(double usd) => Math.Round((decimal)usd / rate, 2);
            double Between(double lo, double hi) => lo + _rng.NextDouble() * (hi - lo);
            var mode = group.First().Mode;
            var rules = new List<TariffRule>();
            switch (mode)
            {
                case TransportMode.Rail:
                    double forty = Between(0.55, 0.95);
                    rules.Add(Rule("40 ft per km", ChargeCategory.Freight, TariffBasis.PerContainer40Km, Local(forty)));
                    rules.Add(Rule("20 ft per km", ChargeCategory.Freight, TariffBasis.PerContainer20Km, Local(forty * 0.6)));
                    rules.Add(Rule("Bulk per tonne-km", ChargeCategory.Freight, TariffBasis.PerTonneKm, Local(Between(0.025, 0.04)), CargoKind.DryBulk, CargoKind.LiquidBulk));
                    rules.Add(Rule("Wagon per km", ChargeCategory.Freight, TariffBasis.PerWagonKm, Local(Between(0.9, 1.4)), CargoKind.Wagon));
                    rules.Add(Rule("Documentation", ChargeCategory.Fee, TariffBasis.PerShipment, Local(40)));
                    break;
                case TransportMode.Road:
                    double truck = Between(1.5, 2.2);
                    rules.Add(Rule("40 ft per km", ChargeCategory.Freight, TariffBasis.PerContainer40Km, Local(truck)));
                    rules.Add(Rule("20 ft per km", ChargeCategory.Freight, TariffBasis.PerContainer20Km, Local(truck * 0.75)));
                    rules.Add(Rule("Booking", ChargeCategory.Fee, TariffBasis.PerShipment, Local(20)));
                    break;
                case TransportMode.Ferry:
                    rules.Add(Rule("40 ft crossing", ChargeCategory.Ferry, TariffBasis.PerContainer40, Local(Between(1200, 1800))));
                    rules.Add(Rule("20 ft crossing", ChargeCategory.Ferry, TariffBasis.PerContainer20, Local(Between(800, 1100))));
                    rules.Add(Rule("Bulk per tonne", ChargeCategory.Ferry, TariffBasis.PerTonne, Local(Between(18, 30)), CargoKind.DryBulk, CargoKind.LiquidBulk));
                    rules.Add(Rule("Wagon crossing", ChargeCategory.Ferry, TariffBasis.PerWagon, Local(Between(1400, 2000)), CargoKind.Wagon));
                    rules.Add(Rule("Port dues", ChargeCategory.PortDues, TariffBasis.PerShipment, Local(150)));
                    break;
                default:
                    rules.Add(Rule("40 ft ocean", ChargeCategory.Freight, TariffBasis.PerContainer40, Local(Between(700, 1100))));
                    rules.Add(Rule("20 ft ocean", ChargeCategory.Freight, TariffBasis.PerContainer20, Local(Between(450, 700))));
                    rules.Add(Rule("Port dues", ChargeCategory.PortDues, TariffBasis.PerShipment, Local(120)));
                    break;
            }
            rules.Add(new TariffRule
            {
                Label = "Dangerous goods", Category = ChargeCategory.Surcharge, Basis = TariffBasis.PercentOfFreight,
                Amount = 50m, Condition = ChargeCondition.DangerousGoods,
            });
            tariffs[group.Key] = new Tariff
            {
                Carrier = group.Key, Currency = currency, Rules = rules,
                VolumeDiscounts = [new VolumeDiscount(10, 3m), new VolumeDiscount(50, 7m)], Source = Source,
            };
        }
        return tariffs;
    }

    private static TariffRule Rule(string label, ChargeCategory category, TariffBasis basis, decimal amount, params CargoKind[] kinds) => new()
    {
        Label = label, Category = category, Basis = basis, Amount = amount,
        CargoKinds = kinds.Length == 0 ? null : kinds.ToHashSet(),
    };

    private static CurrencyTable Currencies { get; } = new()
    {
        QuoteCurrency = "USD", Date = new DateOnly(2026, 1, 2), RatesToQuote = RatesToUsd, Source = Source,
    };

    private static EmissionTable Emissions { get; } = new()
    {
        Version = "synthetic, GLEC-like magnitudes", Source = Source,
        VehicleClasses = new[]
        {
            Vehicle("rail-electric", TransportMode.Rail, 17, 0, 0.75, 0.3),
            Vehicle("rail-diesel", TransportMode.Rail, 28, 23, 0.75, 0.3),
            Vehicle("truck-40t", TransportMode.Road, 78, 64, 0.6, 0.25),
            Vehicle("ferry-rail", TransportMode.Ferry, 55, 46, 0.7, 0.2),
            Vehicle("sea-feeder", TransportMode.Sea, 22, 18, 0.7, 0.2),
        }.ToDictionary(v => v.Id),
        HubOperations = new Dictionary<string, HubOperation>
        {
            ["container-terminal"] = new() { Id = "container-terminal", HubType = "transhipment", Co2eIntensityWTW = 1300, Co2eIntensityTTW = 1000, Source = Source },
            ["gauge-change"] = new() { Id = "gauge-change", HubType = "transhipment", Co2eIntensityWTW = 2200, Co2eIntensityTTW = 1800, Source = Source },
        },
    };

    private static VehicleClass Vehicle(string id, TransportMode mode, double wtw, double ttw, double load, double empty) => new()
    {
        Id = id, Mode = mode, Description = id, Co2eIntensityWTW = wtw, Co2eIntensityTTW = ttw, LoadFactor = load,
        EmptyRunning = empty, Source = Source,
    };
}
