namespace Caravan.Architecture.Tests;

/// <summary>
/// Caravan.Core's namespaces form layers: each uses only those listed for it, and the graph of who uses whom has no
/// cycle. Read from the compiled assembly, so every use counts (signatures, method bodies, lambdas).
/// </summary>
public sealed class CoreLayeringTests
{
    /// <summary>
    /// Bottom to top, each namespace with those it may use. A new namespace must be placed here before the test passes.
    /// The request (Caravan.Planning.Requests) sits below the search that answers it, and the planner above both.
    /// </summary>
    public static readonly IReadOnlyList<(string Layer, string[] Namespaces, string[] MayUse)> Layers =
    [
        ("Spelling", ["Caravan.Spelling"], []),
        ("Simulation engine", ["Caravan.Simulation"], []),
        ("Network", ["Caravan.Network"], ["Spelling"]),
        ("Shipments", ["Caravan.Shipments"], ["Network"]),
        ("Tariffs", ["Caravan.Tariffs"], ["Network", "Shipments"]),
        ("Emissions", ["Caravan.Emissions"], ["Network", "Shipments"]),
        ("Compiled network", ["Caravan.Planning.Compiled"], ["Network", "Shipments"]),
        ("Plan requests", ["Caravan.Planning.Requests"], ["Shipments", "Network"]),
        ("Search", ["Caravan.Planning.Search"], ["Plan requests", "Compiled network", "Tariffs", "Emissions", "Shipments", "Network", "Spelling"]),
        ("Planning", ["Caravan.Planning"], ["Search", "Plan requests", "Compiled network", "Tariffs", "Emissions", "Shipments", "Network", "Spelling"]),
        ("Corridor simulation", ["Caravan.Simulation.Corridor"], ["Simulation engine", "Planning", "Plan requests", "Tariffs", "Emissions", "Shipments", "Network"]),
        ("Tracking", ["Caravan.Tracking"], ["Planning", "Search", "Plan requests", "Compiled network", "Shipments", "Network", "Simulation engine"]),
        ("Calibration", ["Caravan.Calibration"], ["Corridor simulation", "Simulation engine", "Planning", "Plan requests", "Shipments", "Network"]),
    ];

    [Fact]
    public void Every_core_namespace_has_a_layer()
    {
        var placed = Layers.SelectMany(l => l.Namespaces).ToHashSet(StringComparer.Ordinal);
        var unplaced = CoreUses().SelectMany(u => new[] { u.FromNamespace, u.ToNamespace }).Where(n => !placed.Contains(n)).Distinct().Order().ToList();

        Assert.True(unplaced.Count == 0, "Place these namespaces in CoreLayeringTests.Layers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Core_namespaces_use_only_the_layers_allowed_to_them()
    {
        var layerOf = LayerOf();
        var allowed = Layers.ToDictionary(l => l.Layer, l => l.MayUse.ToHashSet(StringComparer.Ordinal));
        var broken = CoreUses()
            .Where(u => layerOf.ContainsKey(u.FromNamespace) && layerOf.ContainsKey(u.ToNamespace))
            .Select(u => (From: layerOf[u.FromNamespace], To: layerOf[u.ToNamespace], Use: u))
            .Where(x => x.From != x.To && !allowed[x.From].Contains(x.To))
            .Select(x => $"{x.From} may not use {x.To}: {x.Use}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(broken.Count == 0, "Layering broken:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Core_namespaces_form_no_cycle()
    {
        var layerOf = LayerOf();
        var edges = CoreUses()
            .Where(u => layerOf.ContainsKey(u.FromNamespace) && layerOf.ContainsKey(u.ToNamespace))
            .Select(u => (From: layerOf[u.FromNamespace], To: layerOf[u.ToNamespace]))
            .Where(e => e.From != e.To)
            .Distinct()
            .ToList();

        var cycles = Cycles.Find(edges);

        Assert.True(cycles.Count == 0, "Namespace cycles in Caravan.Core (each line: layers that use one another in a ring):\n" + string.Join("\n", cycles.Select(c => string.Join(", ", c))));
    }

    [Fact]
    public void The_allowed_layering_itself_has_no_cycle()
    {
        var edges = Layers.SelectMany(l => l.MayUse.Select(u => (From: l.Layer, To: u))).ToList();

        Assert.Empty(Cycles.Find(edges));
    }

    private static IEnumerable<TypeReferenceUse> CoreUses() =>
        TypeReferences.Of(TypeReferences.Load("Caravan.Core"))
            .Where(u => u.ToAssembly == "Caravan.Core" && IsCaravan(u.FromNamespace) && IsCaravan(u.ToNamespace));

    // Compiler-generated helpers (regex source generator, <PrivateImplementationDetails>) live outside Caravan's namespaces.
    private static bool IsCaravan(string ns) => ns == "Caravan" || ns.StartsWith("Caravan.", StringComparison.Ordinal);

    private static Dictionary<string, string> LayerOf() =>
        Layers.SelectMany(l => l.Namespaces.Select(n => (n, l.Layer))).ToDictionary(x => x.n, x => x.Layer, StringComparer.Ordinal);
}
