namespace Caravan.Network;

/// <summary>
/// The outcome of loading a network file: the network, or every error found. Nothing is half-loaded: when there
/// is any error, <see cref="Network"/> is null.
/// </summary>
public sealed record NetworkLoadResult(NetworkModel? Network, IReadOnlyList<NetworkError> Errors)
{
    public bool Ok => Network is not null && Errors.Count == 0;
}
