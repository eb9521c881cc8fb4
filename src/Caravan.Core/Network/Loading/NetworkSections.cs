namespace Caravan.Network;

/// <summary>
/// Everything read from one file, section by section, before cross-reference checks. A section is null when it
/// was missing or not a list: checks that depend on it are skipped rather than reporting one error per reference.
/// </summary>
internal sealed record NetworkSections(
    string? Name,
    string? Version,
    string? Description,
    CurrenciesEntry Currencies,
    EmissionsEntry Emissions,
    IReadOnlyList<NodeEntry>? Nodes,
    IReadOnlyList<LinkEntry>? Links,
    IReadOnlyList<ServiceEntry>? Services,
    IReadOnlyList<TransshipmentEntry>? Transshipments,
    IReadOnlyList<TariffEntry>? Tariffs);
