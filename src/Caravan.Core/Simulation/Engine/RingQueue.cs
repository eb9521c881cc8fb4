using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>A growable FIFO ring buffer of structs: the allocation-free queue behind waiting lines and stores.</summary>
public sealed class RingQueue<T> where T : struct
{
    private T[] _items;
    private int _head, _count;

    public RingQueue(int initialCapacity = 16) => _items = new T[Math.Max(2, initialCapacity)];

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Enqueue(in T item)
    {
        if (_count == _items.Length) Grow();
        int tail = _head + _count;
        if (tail >= _items.Length) tail -= _items.Length;
        _items[tail] = item;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public T Dequeue()
    {
        if (_count == 0) throw new InvalidOperationException("The queue is empty.");
        T item = _items[_head];
        if (++_head == _items.Length) _head = 0;
        _count--;
        return item;
    }

    public ref readonly T Peek()
    {
        if (_count == 0) throw new InvalidOperationException("The queue is empty.");
        return ref _items[_head];
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        int firstPart = Math.Min(_count, _items.Length - _head);
        Array.Copy(_items, _head, bigger, 0, firstPart);
        Array.Copy(_items, 0, bigger, firstPart, _count - firstPart);
        _items = bigger;
        _head = 0;
    }
}
