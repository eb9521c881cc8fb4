using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Tariffs;

/// <summary>
/// Prices the legs of a through-route: the charges of each carrier's tariff for a ride, and the charges of each
/// transshipment. Every charge line is converted to the network's quote currency and rounded to cents; a quote's
/// totals are sums of those rounded lines (see <see cref="QuoteSummary"/>). See docs/tariffs-and-emissions.md.
/// </summary>
public sealed class TariffCalculator
{
    private readonly NetworkModel _network;
    private readonly CurrencyConverter _currencies;

    public TariffCalculator(NetworkModel network)
    {
        _network = network;
        _currencies = new CurrencyConverter(network.Currencies);
    }

    public string QuoteCurrency => _currencies.QuoteCurrency;

    /// <summary>
    /// <paramref name="amount"/> of <paramref name="currency"/> in the quote currency, exact (not rounded: charge
    /// lines round, totals do not).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The network has no rate for the currency; the message names it.</exception>
    public decimal ToQuote(decimal amount, string currency) => _currencies.ToQuote(amount, currency);

    /// <summary>
    /// The charges for riding <paramref name="distanceKm"/> on <paramref name="service"/> from the boarding to the
    /// alighting stop, in the order of the tariff's rules, a volume discount last.
    /// <list type="bullet">
    /// <item>A rule applies when its carrier is the service's carrier, its Services (if set) name the service, its
    /// CargoKinds (if set) contain the cargo kind, and its condition holds (DangerousGoods: the cargo has a DG class;
    /// Reefer; Oversize; Always).</item>
    /// <item>Amount × units of the basis: PerShipment 1; PerContainer20/40 the 20/40-ft count; PerTonne gross tonnes;
    /// PerWagon wagons; the …Km bases also × <paramref name="distanceKm"/>. Container bases have no units for
    /// non-container cargo. When an applicable 20-ft rule has no applicable 40-ft counterpart of the same category
    /// and condition, each 40-ft container pays twice the 20-ft amount on that rule.</item>
    /// <item>PercentOfFreight: Amount % of the sum of the ride's Freight and Ferry lines.</item>
    /// <item>Volume discount: the largest percentage among tiers with <see cref="Cargo.DiscountUnits"/> ≥ MinUnits,
    /// as a negative Freight line "Volume discount N %" of N % of the Freight and Ferry lines (before surcharges).</item>
    /// <item>Lines of zero are left out.</item>
    /// </list>
    /// </summary>
    /// <returns>False when the carrier has no tariff, or no applicable Freight or Ferry rule whose basis prices this
    /// cargo (a container rate cannot price bulk): the planner then treats the service as not offered for it.</returns>
    public bool TryPriceRide(Service service, double distanceKm, Cargo cargo, out IReadOnlyList<Charge> charges)
    {
        var tariff = PrepareRide(service, cargo);
        charges = tariff?.Charges(distanceKm) ?? [];
        return tariff is not null;
    }

    /// <summary>
    /// The service's tariff for this cargo as a function of distance (see <see cref="RideTariff"/>), or null when
    /// <see cref="TryPriceRide"/> would return false.
    /// </summary>
    public RideTariff? PrepareRide(Service service, Cargo cargo) => RideTariff.Prepare(_network, _currencies, service, cargo);

    /// <summary>
    /// The charges for moving the cargo across a transshipment: PerShipment, PerTeu × TEU, PerTonne × gross tonnes and
    /// PerWagon × wagons, one line per non-zero part, in the transshipment's currency, carrier "Terminal &lt;node id&gt;",
    /// category <see cref="ChargeCategory.Transshipment"/>.
    /// </summary>
    public IReadOnlyList<Charge> PriceTransshipment(Transshipment transshipment, Cargo cargo)
    {
        var cost = transshipment.Cost;
        var parts = new (string Unit, decimal Amount)[]
        {
            ("per shipment", cost.PerShipment),
            ("per TEU", cost.PerTeu * (decimal)cargo.Teu),
            ("per tonne", cost.PerTonne * (decimal)cargo.GrossTonnes),
            ("per wagon", cost.PerWagon * (decimal)cargo.Wagons),
        };
        string carrier = $"Terminal {transshipment.Node}";
        return parts
            .Where(p => p.Amount != 0m)
            .Select(p => _currencies.MakeCharge(carrier, ChargeCategory.Transshipment,
                $"Transshipment {transshipment.Id} {p.Unit}", p.Amount, transshipment.Currency))
            .ToList();
    }
}
