import dev.dtscontract.emulator.junit.DtsEmulatorExtension;

import java.util.Arrays;

/**
 * The JUnit extension as a consumer's test class uses it, timed: a first start in a fresh JVM (the emulator in-process
 * and listening, its DtsClient and control client built), the first control request (the HTTP client's own start),
 * and resets to the seed after a change. Prints "start_ms,first_request_ms,reset_median_ms,reset_max_ms". With the
 * arguments {@code process <jar>}, the emulator runs as its own process from that standalone jar (outOfProcess).
 */
public final class ExtensionTimings {

    public static void main(String[] args) {
        int resets = Integer.parseInt(args.length > 0 ? args[0] : "50");
        long t0 = System.nanoTime();
        DtsEmulatorExtension.Builder builder = DtsEmulatorExtension.newInstance();
        if (args.length > 2 && args[1].equals("process")) {
            builder.outOfProcess(java.nio.file.Path.of(args[2]));
        }
        DtsEmulatorExtension dts = builder.build();
        dts.start();
        long started = System.nanoTime() - t0;
        long f0 = System.nanoTime();
        dts.control().api().health();
        long first = System.nanoTime() - f0;
        double[] ms = new double[resets];
        for (int i = 0; i < resets; i++) {
            dts.control().putInstance("rm-bench-" + i, dev.dtscontract.emulator.control.model.InstanceType.RDS,
                    dev.dtscontract.emulator.control.model.Engine.MYSQL, "cn-hangzhou"); // something for the reset to undo
            long r0 = System.nanoTime();
            dts.control().reset();
            ms[i] = (System.nanoTime() - r0) / 1e6;
        }
        dts.stop();
        Arrays.sort(ms);
        System.out.printf("%d,%d,%.2f,%.2f%n", started / 1_000_000, first / 1_000_000, ms[resets / 2], ms[resets - 1]);
    }
}
