package dev.dtscontract.server.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per AccessKey (Bucket4j): {@code burst} requests at once, refilled at {@code ratePerSecond}. */
public final class Throttle {

    private final long ratePerSecond;
    private final long burst;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock in nanoseconds, e.g. the emulator's (rule C-CLOCK) */
    public Throttle(long ratePerSecond, long burst, LongSupplier nanoTime) {
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("dts.auth rate-per-second and burst must be at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** Takes one token of the key's bucket; false when the key is over its rate. Keys are the configured ones only. */
    public boolean tryAcquire(String accessKeyId) {
        return buckets.computeIfAbsent(accessKeyId, id -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(ratePerSecond, Duration.ofSeconds(1)).build())
                .build()).tryConsume(1);
    }
}
