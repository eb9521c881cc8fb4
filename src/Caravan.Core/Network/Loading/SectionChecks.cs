namespace Caravan.Network;

/// <summary>Checks every section makes of its own items.</summary>
internal static class SectionChecks
{
    /// <summary>Reports each id after its first use; items whose id is itself invalid (null) are skipped.</summary>
    public static void UniqueIds(ReadContext ctx, IEnumerable<(string? Id, string Path)> ids, string what)
    {
        var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in ids)
        {
            if (id is null) continue;
            if (!firstPath.TryAdd(id, path))
                ctx.Error(path, ReadContext.Quote(id), $"a unique {what} ({firstPath[id]} has it already)");
        }
    }
}
