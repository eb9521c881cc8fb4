using System.Globalization;
using System.Text.Json;

namespace Caravan.Calibration;

/// <summary>A calibration table that cannot be used; every line names the file, the path, the value and what was expected.</summary>
public sealed class CalibrationTableException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Reads a calibration table. The default one ships inside the library (data/calibration/targets.json) so that
/// `caravan calibrate` works offline from any directory. The whole file is read and every error reported at once.
/// </summary>
public static class CalibrationTableReader
{
    private const string ResourceName = "Caravan.Calibration.targets.json";
    private static readonly string[] Kinds = ["deliveredMegatonnes", "deliveredTeu", "blockTrainTeu", "blockTrainDays", "runningHours"];

    public static CalibrationTable LoadDefault()
    {
        using var stream = typeof(CalibrationTableReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The default calibration table '{ResourceName}' is not embedded in the library.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "targets.json");
    }

    public static CalibrationTable Parse(string json, string file)
    {
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CalibrationTableException([$"{file}: line {e.LineNumber + 1}: found a syntax error, expected valid JSON"]);
        }
        using (document)
        {
            var root = document.RootElement;
            void Error(string path, JsonElement? found, string expected) =>
                errors.Add($"{file}: {path}: found {(found is { } f ? Shorten(f.GetRawText()) : "nothing")}, expected {expected}");

            if (root.ValueKind != JsonValueKind.Object) throw new CalibrationTableException([$"{file}: found {Shorten(root.GetRawText())}, expected a JSON object with formatVersion and checks"]);
            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetDouble() != 1)
                Error("formatVersion", root.TryGetProperty("formatVersion", out var v) ? v : null, "1");
            string description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
            var targets = new List<CalibrationTarget>();
            if (!root.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Array)
                Error("checks", root.TryGetProperty("checks", out var c) ? c : null, "a list of checks");
            else
            {
                int i = 0;
                foreach (var check in checks.EnumerateArray())
                {
                    if (ReadTarget(check, $"checks[{i}]", Error) is { } t) targets.Add(t);
                    i++;
                }
                foreach (var duplicate in targets.GroupBy(t => t.Id).Where(g => g.Count() > 1))
                    errors.Add($"{file}: checks: found the id \"{duplicate.Key}\" {duplicate.Count()} times, expected unique check ids");
            }
            if (errors.Count > 0) throw new CalibrationTableException(errors);
            return new CalibrationTable(description, targets);
        }
    }

    private static CalibrationTarget? ReadTarget(JsonElement check, string path, Action<string, JsonElement?, string> error)
    {
        if (check.ValueKind != JsonValueKind.Object)
        {
            error(path, check, "a check object");
            return null;
        }
        bool ok = true;
        string? Text(JsonElement o, string p, string name)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0) return v.GetString();
            error($"{p}.{name}", o.TryGetProperty(name, out var found) ? found : null, "a non-empty string");
            ok = false;
            return null;
        }
        double? Number(JsonElement o, string p, string name, bool required = true)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble())) return v.GetDouble();
            if (!required && !o.TryGetProperty(name, out _)) return null;
            error($"{p}.{name}", o.TryGetProperty(name, out var found) ? found : null, "a number");
            ok = false;
            return null;
        }

        string? id = Text(check, path, "id"), description = Text(check, path, "description"), unit = Text(check, path, "unit");
        string? source = Text(check, path, "source"), date = Text(check, path, "date");
        double? published = Number(check, path, "published");
        CalibrationMeasure? measure = null;
        if (!check.TryGetProperty("measure", out var m) || m.ValueKind != JsonValueKind.Object)
        {
            error($"{path}.measure", check.TryGetProperty("measure", out var f) ? f : null, "a measure object with a kind");
            ok = false;
        }
        else
        {
            string mp = $"{path}.measure";
            string? kind = m.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            measure = kind switch
            {
                "deliveredMegatonnes" => Text(m, mp, "scenario") is { } s ? new DeliveredMegatonnes(s) : null,
                "deliveredTeu" => Text(m, mp, "scenario") is { } s ? new DeliveredTeu(s) : null,
                "blockTrainTeu" => Text(m, mp, "scenario") is { } s ? new BlockTrainTeu(s) : null,
                "blockTrainDays" => (Text(m, mp, "from"), Text(m, mp, "to")) is ({ } from, { } to) ? new BlockTrainDays(from, to) : null,
                "runningHours" => (Text(m, mp, "service"), Text(m, mp, "from"), Text(m, mp, "to")) is ({ } sv, { } from, { } to) ? new RunningHours(sv, from, to) : null,
                _ => null,
            };
            if (kind is null || !Kinds.Contains(kind))
            {
                error($"{mp}.kind", m.TryGetProperty("kind", out var found) ? found : null, "one of: " + string.Join(", ", Kinds));
                ok = false;
            }
        }

        Tolerance? tolerance = null;
        if (!check.TryGetProperty("tolerance", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            error($"{path}.tolerance", check.TryGetProperty("tolerance", out var f) ? f : null, "{\"relative\": 0.1} or {\"low\": 8, \"high\": 11}");
            ok = false;
        }
        else if (published is { } centre)
        {
            string tp = $"{path}.tolerance";
            double? relative = Number(t, tp, "relative", required: false);
            double? low = Number(t, tp, "low", required: false), high = Number(t, tp, "high", required: false);
            if (relative is { } r && r > 0 && low is null && high is null)
                tolerance = new Tolerance(centre * (1 - r), centre * (1 + r), $"±{(r * 100).ToString("0.#", CultureInfo.InvariantCulture)} %");
            else if (relative is null && low is { } lo && high is { } hi && lo <= centre && centre <= hi)
                tolerance = new Tolerance(lo, hi, $"{Format(lo)}–{Format(hi)}");
            else
            {
                error(tp, t, $"either a relative tolerance > 0, or low ≤ published ({Format(centre)}) ≤ high");
                ok = false;
            }
        }
        return ok && measure is not null && tolerance is not null
            ? new CalibrationTarget
            {
                Id = id!, Description = description!, Measure = measure, Published = published!.Value, Unit = unit!,
                Tolerance = tolerance, Source = source!, Date = date!,
            }
            : null;
    }

    internal static string Format(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string raw) => raw.Length <= 60 ? raw : raw[..57] + "…";
}
