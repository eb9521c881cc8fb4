using Caravan.Planning;
using Caravan.Contracts;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan quote --option N`: the priced itinerary, with an out-of-range N reported as a usage error.</summary>
internal static class QuoteChoice
{
    /// <summary>Option <paramref name="option"/> (1-based, as `plan` numbers them), or the cheapest itinerary when null.</summary>
    public static ItineraryQuote For(PlanResult result, int? option)
    {
        int count = result.Itineraries.Count;
        if (option is { } n && (n < 1 || n > count))
            throw new CliUsageException("--option", n.ToString(), $"an option number from 1 to {count} (as `caravan plan` lists them)");
        return ItineraryQuote.For(result, option);
    }
}
