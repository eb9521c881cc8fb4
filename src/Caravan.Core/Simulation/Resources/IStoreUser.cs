namespace Caravan.Simulation;

/// <summary>The model side of a <see cref="Store"/>.</summary>
public interface IStoreUser
{
    /// <summary><paramref name="getter"/> receives <paramref name="item"/>; it asked at <paramref name="requestedAt"/>.</summary>
    void OnGot(Store store, int getter, int item, double requestedAt);

    /// <summary><paramref name="item"/> is now in the store (or handed to a getter); it was offered at <paramref name="offeredAt"/>.</summary>
    void OnPut(Store store, int item, double offeredAt);
}
