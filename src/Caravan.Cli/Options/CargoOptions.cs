using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Cli.Options;

/// <summary>
/// The cargo options shared by `plan` and `quote`: exactly one of --containers, --tonnes (with --kind) or
/// --wagons, plus --weight, --dg, --reefer, --oversize.
/// </summary>
internal sealed partial class CargoOptions
{
    public const string ContainersExpected = "COUNTxSIZE with SIZE 20ft or 40ft, several separated by commas (e.g. 2x40ft or 3x20ft,1x40ft)";

    public Option<string?> Containers { get; } = new("--containers")
    {
        Description = "Containers to ship, COUNTxSIZE: 2x40ft, or 3x20ft,1x40ft.",
        HelpName = "LIST",
    };
    public Option<string?> Tonnes { get; } = new("--tonnes")
    {
        Description = "Bulk cargo in tonnes (with --kind).",
        HelpName = "N",
    };
    public Option<string?> Kind { get; } = new("--kind")
    {
        Description = "Kind of bulk cargo for --tonnes: dry-bulk or liquid-bulk.",
        HelpName = "dry-bulk|liquid-bulk",
    };
    public Option<string?> Wagons { get; } = new("--wagons")
    {
        Description = "Conventional wagonload: number of wagons.",
        HelpName = "N",
    };
    public Option<string?> Weight { get; } = new("--weight")
    {
        Description = $"Gross cargo mass in tonnes of all the containers or wagons (default {Cargo.DefaultTonnesPerTeu:0} t per TEU, {Cargo.DefaultTonnesPerWagonload:0} t per wagon).",
        HelpName = "T",
    };
    public Option<string?> DangerousGoods { get; } = new("--dg")
    {
        Description = "Dangerous goods of this UN class (1-9).",
        HelpName = "CLASS",
    };
    public Option<bool> Reefer { get; } = new("--reefer") { Description = "Refrigerated containers." };
    public Option<bool> Oversize { get; } = new("--oversize") { Description = "Out-of-gauge cargo." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Containers, Tonnes, Kind, Wagons, Weight, DangerousGoods, Reefer, Oversize })
            command.Options.Add(option);
    }

    /// <summary>The cargo the options describe; a missing, conflicting or malformed value is a <see cref="CliUsageException"/>.</summary>
    public Cargo Read(ParseResult parse)
    {
        string? containers = parse.GetValue(Containers), tonnes = parse.GetValue(Tonnes), wagons = parse.GetValue(Wagons);
        int given = new[] { containers, tonnes, wagons }.Count(v => v is not null);
        if (given == 0)
            throw new CliUsageException("cargo", null, "one of --containers (e.g. 2x40ft), --tonnes N --kind dry-bulk|liquid-bulk, or --wagons N");
        if (given > 1)
            throw new CliUsageException("cargo", string.Join(" and ", new[] { containers is null ? null : "--containers", tonnes is null ? null : "--tonnes", wagons is null ? null : "--wagons" }.OfType<string>()),
                "only one of --containers, --tonnes or --wagons");

        string? kind = parse.GetValue(Kind);
        if (kind is not null && tonnes is null)
            throw new CliUsageException("--kind", kind, "--kind only with --tonnes (bulk cargo)");
        string? weight = parse.GetValue(Weight);
        if (weight is not null && tonnes is not null)
            throw new CliUsageException("--weight", weight, "--weight only with --containers or --wagons (--tonnes already gives the mass)");

        var cargo = containers is not null ? ParseContainers(containers)
            : wagons is not null ? new Cargo { Kind = CargoKind.Wagon, WagonCount = Numbers.PositiveInt("--wagons", wagons) }
            : new Cargo { Kind = ParseBulkKind(kind), Tonnes = Numbers.PositiveNumber("--tonnes", tonnes!, "a number of tonnes > 0 (e.g. 5000)") };

        cargo = cargo with
        {
            Tonnes = weight is null ? cargo.Tonnes : Numbers.PositiveNumber("--weight", weight, "gross tonnes > 0 (e.g. 40)"),
            DangerousGoodsClass = parse.GetValue(DangerousGoods) is { } dg ? ParseDangerousGoodsClass(dg) : null,
            Reefer = parse.GetValue(Reefer),
            Oversize = parse.GetValue(Oversize),
        };
        // The limits the API and the planner hold a cargo to (CargoRules), named by the option that gave the value.
        if (CargoRules.Check(cargo) is [var problem, ..])
        {
            var (option, text) = problem.Field switch
            {
                "containers20" or "containers40" or "containers" => ("--containers", containers),
                "wagons" => ("--wagons", wagons),
                "tonnes" => weight is not null ? ("--weight", weight) : ("--tonnes", tonnes),
                _ => ("--dg", parse.GetValue(DangerousGoods)),
            };
            throw new CliUsageException(option, text ?? problem.Found, problem.Expected);
        }
        return cargo;
    }

    /// <summary>"2x40ft", "3x20ft,1x40ft", "2 x 40", "1×20'": counts per size add up.</summary>
    public static Cargo ParseContainers(string text)
    {
        int c20 = 0, c40 = 0;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = ContainerPattern().Match(part);
            if (!match.Success || !int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
                throw new CliUsageException("--containers", text, ContainersExpected);
            if (count <= 0)
                throw new CliUsageException("--containers", text, $"at least one container in '{part}' (a COUNT of 1 or more)");
            if (match.Groups["size"].Value == "20") c20 += count; else c40 += count;
        }
        return new Cargo { Kind = CargoKind.Container, Containers20 = c20, Containers40 = c40 };
    }

    [GeneratedRegex(@"^(?<count>\d{1,6})\s*[x×*]\s*(?<size>20|40)\s*(ft|'|’)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContainerPattern();

    private static CargoKind ParseBulkKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "dry-bulk" or "drybulk" or "dry" => CargoKind.DryBulk,
        "liquid-bulk" or "liquidbulk" or "liquid" => CargoKind.LiquidBulk,
        _ => throw new CliUsageException("--kind", kind, "dry-bulk or liquid-bulk (required with --tonnes)"),
    };

    private static int ParseDangerousGoodsClass(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int c) && CargoRules.IsDangerousGoodsClass(c)
            ? c
            : throw new CliUsageException("--dg", text, CargoRules.DangerousGoodsExpected);
}
