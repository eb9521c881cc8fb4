using System.Text.Json;

namespace Caravan.Network;

/// <summary>Reads a whole network file: JSON syntax, then every section, then cross-references, then assembly.</summary>
internal static class NetworkFileReader
{
    public const int FormatVersion = 1;

    private static readonly JsonDocumentOptions Options = new()
    {
        // The file is edited by hand: notes in comments and a trailing comma after the last item are harmless.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static NetworkLoadResult Read(string json, string file, string origin)
    {
        var ctx = new ReadContext(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            ReportSyntaxError(ctx, e);
            return new NetworkLoadResult(null, ctx.Errors);
        }

        using (document)
        {
            var root = ctx.Object(document.RootElement, "", "a JSON object holding the network");
            if (root is null) return new NetworkLoadResult(null, ctx.Errors);
            root.AllowOnly("formatVersion", "name", "version", "description", "currencies", "nodes", "links", "services",
                "transshipments", "tariffs", "emissions");
            root.Int("formatVersion", $"{FormatVersion} (the only format version)", v => v == FormatVersion);
            var sections = new NetworkSections(
                Name: root.String("name", expected: "the network's name"),
                Version: root.String("version", expected: "the network's version, e.g. a date"),
                Description: root.String("description", required: false),
                Currencies: CurrenciesReader.Read(root),
                Emissions: EmissionsReader.Read(root),
                Nodes: NodesReader.Read(root),
                Links: LinksReader.Read(root),
                Services: ServicesReader.Read(root),
                Transshipments: TransshipmentsReader.Read(root),
                Tariffs: TariffsReader.Read(root));
            CrossReferenceChecks.Run(ctx, sections);
            // Nothing is half-loaded: one error anywhere and there is no network.
            var network = ctx.ErrorCount == 0 ? NetworkAssembler.Build(sections, origin, NetworkModel.FingerprintOf(json)) : null;
            return new NetworkLoadResult(network, ctx.Errors);
        }
    }

    private static void ReportSyntaxError(ReadContext ctx, JsonException e)
    {
        // The reader's message ends with its own 0-based position; report 1-based line and byte instead.
        string reason = e.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) reason = reason[..cut];
        cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0) reason = reason[..cut];
        string where = $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}";
        ctx.Error(where, $"a syntax error ({reason.Trim().TrimEnd('.', ' ', '|')})", "valid JSON");
    }
}
