using Caravan.Contracts;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Caravan.Server.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Caravan.Server.OpenApi;

/// <summary>
/// Makes each schema say what the server writes and reads, in types generated clients understand: money a JSON number
/// (format decimal), times RFC 3339 date-time strings, the seed an int64, numbers without the "or a numeric string"
/// alternative, and the required fields of request bodies.
/// </summary>
internal static class WireTypes
{
    public const string MoneyDescription =
        "Money: a JSON number with exactly two decimals (12.50), rounded half away from zero, in the currency named beside it. " +
        "Read it as a decimal, not a binary floating-point number, to keep the cents exact.";

    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var property = context.JsonPropertyInfo;
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;

        if (property?.CustomConverter is MoneyJsonConverter)
        {
            // The converter hides the type from the generator, which wrote only "format: double".
            schema.Type = JsonSchemaType.Number;
            schema.Format = "decimal";
            schema.Description = schema.Description is null ? MoneyDescription : $"{schema.Description} {MoneyDescription}";
        }
        else if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }
        else if (type == typeof(ulong))
        {
            // Seeds: the reader refuses values above long.MaxValue so that every client's int64 holds them.
            schema.Format = "int64";
            schema.Minimum = "0";
        }

        // The server's JSON options read "12" as 12, so the generator offers a numeric string too; clients send and get
        // numbers, and a string alternative makes generators fall back to untyped values.
        if (schema.Type is { } t && (t & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (t & JsonSchemaType.String) != 0)
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (property?.AttributeProvider?.GetCustomAttributes(typeof(DataTypeAttribute), inherit: true).OfType<DataTypeAttribute>().FirstOrDefault() is { } dataType)
            schema.Format = dataType.DataType switch
            {
                DataType.DateTime => "date-time",
                DataType.Date => "date",
                _ => schema.Format,
            };

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && property is null)
            foreach (var p in context.JsonTypeInfo.Properties)
                if (p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                    (schema.Required ??= new HashSet<string>()).Add(p.Name);
        return Task.CompletedTask;
    }
}
