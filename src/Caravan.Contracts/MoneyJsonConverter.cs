using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Contracts;

/// <summary>Money as a JSON number with exactly two decimals (12.50, not 12.5), rounded half away from zero.</summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
}
