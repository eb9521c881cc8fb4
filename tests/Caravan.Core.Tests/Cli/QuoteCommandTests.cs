using System.Text.Json;

namespace Caravan.Core.Tests.Cli;

public class QuoteCommandTests
{
    private static readonly string[] TinyQuote =
        ["quote", "--network", CliRunner.TestNetwork, "--from", "CNXAN", "--to", "alat", "--containers", "2x40ft", "--ready", "2026-12-01"];

    [Fact]
    public void Quote_json_shows_original_and_converted_amounts()
    {
        var run = CliRunner.Run([.. TinyQuote, "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("USD", root.GetProperty("quoteCurrency").GetString());
        Assert.Equal("2025-11-03", root.GetProperty("exchangeRates").GetProperty("date").GetString());
        Assert.True(root.GetProperty("cheapest").GetBoolean());

        // Every route to Alat crosses on the ASCO ferry, which charges 900 EUR per 40 ft:
        // 2 × 900 = 1,800 EUR, at 1.15 USD per EUR = 2,070.00 USD.
        var ferry = root.GetProperty("legs").EnumerateArray()
            .SelectMany(l => l.GetProperty("charges").EnumerateArray())
            .Single(c => c.GetProperty("label").GetString() == "Ferry freight per 40 ft");
        Assert.Equal("ASCO", ferry.GetProperty("carrier").GetString());
        Assert.Equal("ferry", ferry.GetProperty("category").GetString());
        Assert.Equal("EUR", ferry.GetProperty("currency").GetString());
        Assert.Equal(1800.00m, ferry.GetProperty("amount").GetDecimal());
        Assert.Equal(2070.00m, ferry.GetProperty("amountInQuote").GetDecimal());

        // The through price is the sum of the lines, and so is each breakdown.
        decimal lines = root.GetProperty("legs").EnumerateArray().Sum(l => l.GetProperty("total").GetDecimal())
                        + root.GetProperty("itineraryCharges").EnumerateArray().Sum(c => c.GetProperty("amountInQuote").GetDecimal());
        decimal total = root.GetProperty("total").GetDecimal();
        Assert.Equal(total, lines);
        Assert.Equal(total, root.GetProperty("byCarrier").EnumerateArray().Sum(c => c.GetProperty("amount").GetDecimal()));
        Assert.Equal(total, root.GetProperty("byCategory").EnumerateArray().Sum(c => c.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public void Quote_table_ends_with_the_through_price_and_the_rate_date()
    {
        var run = CliRunner.Run(TinyQuote);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1,800.00 EUR", run.Out); // the ferry line in its own currency (see the JSON test)
        Assert.Contains("2,070.00", run.Out);     // and in USD
        Assert.Contains("Through price: ", run.Out);
        Assert.Contains("Exchange rates of 2025-11-03: 1 EUR = 1.15 USD", run.Out);
    }

    [Fact]
    public void An_option_beyond_the_plan_is_a_usage_error()
    {
        var run = CliRunner.Run([.. TinyQuote, "--option", "99"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --option: found '99', expected an option number from 1 to", run.Error);
    }
}
