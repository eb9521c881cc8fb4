namespace Caravan.Simulation;

/// <summary>The model side of a <see cref="Resource"/>: told when an entity gets a unit of capacity.</summary>
public interface IResourceUser
{
    /// <summary>
    /// <paramref name="entity"/> holds one unit from now on; it asked at <paramref name="requestedAt"/>,
    /// so its wait is <c>Now − requestedAt</c>. Called synchronously, also when the request is granted at once.
    /// </summary>
    void OnGranted(Resource resource, int entity, double requestedAt);
}
