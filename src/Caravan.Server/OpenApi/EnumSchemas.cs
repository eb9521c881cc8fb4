using System.Text.Json.Nodes;
using Caravan.Server.Problems;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Caravan.Server.OpenApi;

/// <summary>
/// Enums are read and written by <see cref="StrictEnumConverter"/>, which the schema generator cannot see into:
/// give their schemas the camelCase names they take, as it does for the framework's own enum converter.
/// </summary>
internal static class EnumSchemas
{
    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() :
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsEnum)
            schema.Enum = [.. StrictEnumConverter.Names(type).Select(n => (JsonNode)JsonValue.Create(n))];
        // A list of enums loses its items: give them the names inline.
        else if (schema.Items is null && ElementType(type) is { IsEnum: true } element)
            schema.Items = new OpenApiSchema { Enum = [.. StrictEnumConverter.Names(element).Select(n => (JsonNode)JsonValue.Create(n))] };
        return Task.CompletedTask;
    }
}
