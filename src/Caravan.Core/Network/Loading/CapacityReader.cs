namespace Caravan.Network;

/// <summary>Reads a yearly throughput <c>{"teuPerYear", "tonnesPerYear", "wagonsPerYear"}</c>, each optional and ≥ 0.</summary>
internal static class CapacityReader
{
    public static AnnualCapacity? ReadAnnual(ObjectReader parent, string name)
    {
        var c = parent.Object(name, false, "a yearly capacity, e.g. {\"teuPerYear\": 40000}");
        if (c is null) return null;
        c.AllowOnly("teuPerYear", "tonnesPerYear", "wagonsPerYear");
        return new AnnualCapacity(
            c.Number("teuPerYear", "TEU per year ≥ 0", v => v >= 0, required: false),
            c.Number("tonnesPerYear", "tonnes per year ≥ 0", v => v >= 0, required: false),
            c.Number("wagonsPerYear", "wagons per year ≥ 0", v => v >= 0, required: false));
    }
}
