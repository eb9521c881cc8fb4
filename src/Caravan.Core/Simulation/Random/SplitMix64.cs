namespace Caravan.Simulation;

/// <summary>
/// Vigna's SplitMix64: a tiny generator used only to turn a user seed into a well-mixed generator state.
/// Its finaliser <see cref="Mix"/> is a bijection on 64 bits, so distinct inputs never collide.
/// </summary>
public struct SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        _state += GoldenGamma;
        return Mix(_state);
    }

    /// <summary>The SplitMix64 output function (Stafford's variant 13): avalanches every input bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
