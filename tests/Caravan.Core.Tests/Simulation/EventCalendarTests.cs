using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class EventCalendarTests
{
    [Fact]
    public void Ties_are_ordered_by_priority_then_insertion()
    {
        var calendar = new EventCalendar<int>();
        // Payload = the order we expect them back in.
        calendar.Schedule(2.0, 6);
        calendar.Schedule(1.0, 3, priority: 0);
        calendar.Schedule(1.0, 5, priority: 7);
        calendar.Schedule(1.0, 1, priority: -2);
        calendar.Schedule(1.0, 4, priority: 0);   // same time and priority as payload 3, inserted later
        calendar.Schedule(1.0, 2, priority: -2);  // same as payload 1, inserted later
        calendar.Schedule(0.5, 0, priority: 100); // earlier time beats any priority

        var order = new List<int>();
        while (calendar.Count > 0) order.Add(calendar.Pop(out _));

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], order);
    }

    [Fact]
    public void Pops_in_time_order_through_growth_and_interleaved_pushes()
    {
        // Heap sort check: any sequence of pushes and pops must hand back non-decreasing times, and
        // equal times in insertion order (the payload is the insertion index).
        var calendar = new EventCalendar<int>(initialCapacity: 4);
        var random = RandomStream.Create(7);
        double last = double.NegativeInfinity;
        int lastIndexAtSameTime = -1, inserted = 0, popped = 0;
        for (int round = 0; round < 20_000; round++)
        {
            // Times on a coarse grid so ties are frequent.
            if (random.NextDouble() < 0.55 || calendar.Count == 0)
                calendar.Schedule(Math.Max(last, 0) + random.NextInt(20), inserted++);
            else
            {
                double peeked = calendar.NextTime; // after a pop the root is a hole: peeking must fill it first
                int index = calendar.Pop(out double time);
                popped++;
                Assert.Equal(peeked, time);
                Assert.True(time >= last);
                if (time == last) Assert.True(index > lastIndexAtSameTime);
                last = time;
                lastIndexAtSameTime = index;
            }
        }
        Assert.Equal(inserted - popped, calendar.Count);
    }

    [Fact]
    public void Rejects_a_priority_outside_sixteen_bits_and_nan_times()
    {
        var calendar = new EventCalendar<int>();
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Schedule(1, 0, priority: 40_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Schedule(double.NaN, 0));
        Assert.Throws<InvalidOperationException>(() => calendar.Pop(out _));
    }

    [Fact]
    public void Simulator_dispatches_to_handlers_in_time_order_and_stops_at_the_horizon()
    {
        var sim = new Simulator();
        var log = new List<string>();
        EventKind a = sim.Register(new RecordingHandler(sim, "a", log));
        EventKind b = sim.Register(new RecordingHandler(sim, "b", log));
        EventKind c = sim.Register(new RecordingHandler(sim, "c", log));
        sim.Schedule(3, b, entity: 9);
        sim.Schedule(1, a, entity: 5);
        sim.ScheduleAt(3, c, entity: 0, priority: Simulator.SystemPriority);
        sim.Schedule(10, a);

        sim.Run(until: 5);

        Assert.Equal(["a:5@1", "c:0@3", "b:9@3"], log);
        Assert.Equal(5, sim.Now);
        Assert.Equal(3, sim.EventsProcessed);
        Assert.Equal(1, sim.PendingEvents);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(4, a, 0));
    }

    [Fact]
    public void Simulator_refuses_a_kind_it_never_registered()
    {
        var sim = new Simulator();
        EventKind registered = sim.Register(new RecordingHandler(sim, "a", []));
        var other = new Simulator();
        other.Register(new RecordingHandler(other, "x", []));
        EventKind foreign = other.Register(new RecordingHandler(other, "y", []));

        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(1, foreign));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(1, new EventKind(-1)));
        sim.Schedule(1, registered);
        Assert.Equal(1, sim.PendingEvents);
    }

    private sealed class RecordingHandler(Simulator sim, string name, List<string> log) : IEventHandler
    {
        public void OnEvent(int entity) => log.Add($"{name}:{entity}@{sim.Now}");
    }
}
