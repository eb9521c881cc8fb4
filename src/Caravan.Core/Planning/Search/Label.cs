namespace Caravan.Planning.Search;

/// <summary>
/// A partial itinerary ending at a node: how it got there (the ride and transshipment from its parent) and its
/// criteria. Labels live in an arena (<see cref="LabelSearch"/>) and point to their parent by index.
/// </summary>
internal struct Label
{
    public int Node;
    /// <summary>Vehicle state the cargo arrived in (mode and gauge id), or <see cref="OriginState"/> at the origin.</summary>
    public int State;
    public int Rides;
    /// <summary>Nominal arrival, UTC seconds since the epoch.</summary>
    public long Arrival;
    public long Cents;
    public double Co2eGrams;
    public int Parent;
    public int Service;
    public int Board;
    public int Alight;
    /// <summary>Transshipment rule applied before boarding, or -1.</summary>
    public int Transshipment;
    /// <summary>Nominal departure of the ride, UTC seconds.</summary>
    public long Departure;
    /// <summary>Offset of this label's arrival draws in the sample pool, or -1 when the search runs without draws.</summary>
    public int Samples;
    /// <summary>Slot of the label in its node's <see cref="Bag"/>.</summary>
    public int BagSlot;

    public const int OriginState = -1;
}
