package dev.dtscontract.server.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The emulator's time (rule C-CLOCK): the machine's plus an offset that only grows. It is both the wall clock (the
 * Timestamp check, recorded times) and the monotonic clock of the nonce memory and the throttle, so advancing it
 * moves every security window together and never reopens one.
 */
public final class EmulatorClock extends Clock {

    /** At most 10 years in all: far beyond any window, and far from overflowing nanoseconds. */
    static final Duration MAX_OFFSET = Duration.ofDays(3650);

    private final Clock machine;
    private final LongSupplier machineNanos;
    private final AtomicLong offsetNanos = new AtomicLong();

    public EmulatorClock(Clock machine, LongSupplier machineNanos) {
        this.machine = machine;
        this.machineNanos = machineNanos;
    }

    /** The machine's clock and {@link System#nanoTime()}. */
    public static EmulatorClock system() {
        return new EmulatorClock(Clock.systemUTC(), System::nanoTime);
    }

    @Override
    public Instant instant() {
        return machine.instant().plusNanos(offsetNanos.get());
    }

    /** Monotonic nanoseconds, advanced with the wall clock: for the nonce memory and the throttle. */
    public long nanoTime() {
        return machineNanos.getAsLong() + offsetNanos.get();
    }

    /** How far ahead of the machine's clock. */
    public Duration advanced() {
        return Duration.ofNanos(offsetNanos.get());
    }

    /**
     * Moves the time forward.
     *
     * @throws IllegalArgumentException when {@code by} is not positive or the total would pass {@link #MAX_OFFSET}
     */
    public Duration advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        if (by.compareTo(MAX_OFFSET) > 0) {
            throw tooFar();
        }
        long add = by.toNanos();
        while (true) {
            long before = offsetNanos.get();
            if (before + add > MAX_OFFSET.toNanos()) {
                throw tooFar();
            }
            if (offsetNanos.compareAndSet(before, before + add)) {
                return Duration.ofNanos(before + add);
            }
        }
    }

    private static IllegalArgumentException tooFar() {
        return new IllegalArgumentException("the clock may be advanced by at most " + MAX_OFFSET.toDays() + " days in all");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the emulator's clock is UTC");
    }
}
