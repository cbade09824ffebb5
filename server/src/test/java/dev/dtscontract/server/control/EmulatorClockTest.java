package dev.dtscontract.server.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmulatorClockTest {

    private static final Instant MACHINE = Instant.parse("2026-11-28T08:00:00Z");
    private final AtomicLong machineNanos = new AtomicLong(1_000);
    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(MACHINE, ZoneOffset.UTC), machineNanos::get);

    @Test
    void advance_movesTheWallAndTheMonotonicClockTogether_andAddsUp() {
        assertEquals(MACHINE, clock.instant());
        assertEquals(1_000, clock.nanoTime());
        assertEquals(Duration.ofMinutes(16), clock.advance(Duration.ofMinutes(16)));
        assertEquals(Duration.ofMinutes(46), clock.advance(Duration.ofMinutes(30)));
        assertEquals(MACHINE.plus(Duration.ofMinutes(46)), clock.instant());
        assertEquals(1_000 + Duration.ofMinutes(46).toNanos(), clock.nanoTime());
        machineNanos.addAndGet(5);
        assertEquals(1_005 + Duration.ofMinutes(46).toNanos(), clock.nanoTime(), "and the machine's time still runs");
        assertEquals(Duration.ofMinutes(46), clock.advanced());
    }

    @Test
    void advance_neverGoesBack_norStandsStill() {
        assertEquals("the clock only moves forward", assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1))).getMessage());
        assertEquals("the clock only moves forward", assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ZERO)).getMessage());
        assertEquals(Duration.ZERO, clock.advanced());
    }

    @Test
    void advance_stopsAtTenYearsInAll_withoutMovingOnARefusal() {
        clock.advance(Duration.ofDays(3649));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofDays(2)));
        assertEquals("the clock may be advanced by at most 3650 days in all", e.getMessage());
        assertEquals(Duration.ofDays(3649), clock.advanced());
        assertEquals(Duration.ofDays(3650), clock.advance(Duration.ofDays(1)), "up to the limit itself");
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofDays(365 * 300)), "no overflow either");
    }

    @Test
    void isUtc() {
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertSame(clock, clock.withZone(ZoneOffset.UTC));
        assertThrows(UnsupportedOperationException.class, () -> clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
}
