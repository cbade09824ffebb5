package dev.dtscontract.verifier;

import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.verifier.Result.Verdict;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar dts-verifier.jar verify --url URL ...}: the spec's request examples and probes against any provider,
 * with JUnit XML and Markdown reports and an exit status CI can gate on (see {@link Options#USAGE}).
 */
public final class Main {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int CANNOT_VERIFY = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("dts-verifier: " + e.getMessage());
            err.print(Options.USAGE);
            return CANNOT_VERIFY;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return PASSED;
        }
        List<Check> checks = Plan.all(SpecExamples.load(), options.signature());
        if (options.list()) {
            checks.forEach(c -> out.printf("%-58s %-22s %s%n", c.name(), c.rule() == null ? "-" : c.rule(),
                    c.safe() ? "safe" : "may change a job"));
            return PASSED;
        }
        Set<String> known = Plan.ids(checks);
        List<String> unknown = options.examples().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            err.println("dts-verifier: no check " + unknown + "; the checks are " + known);
            return CANNOT_VERIFY;
        }
        if (!options.dryRunOnly() && !options.allowChanges() && !options.loopback()) {
            err.println("dts-verifier: refusing to run every example against " + options.url() + ", which is not loopback: "
                    + "ModifyDtsJobEndpoint can replace a production database endpoint. Give --dry-run-only (only requests "
                    + "that cannot change anything), or --allow-changes if every job of this account may be changed.");
            return CANNOT_VERIFY;
        }
        Map<Check, String> skipped = new LinkedHashMap<>();
        for (Check c : checks) {
            if (!options.examples().isEmpty() && !options.examples().contains(c.id())) {
                skipped.put(c, "not selected (--examples)");
            } else if (options.dryRunOnly() && !c.safe()) {
                skipped.put(c, "--dry-run-only: not a read, no DryRun=true, and its documented answer is a change");
            }
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Verifier verifier = new Verifier(new Provider(options.url(), options.timeout()), options.credentials(), Clock.systemUTC(), err);
        err.println("dts-verifier: " + checks.size() + " checks against " + options.url() + " (signature " + options.signature()
                + ", AccessKey " + options.credentials().accessKeyId() + ")");
        List<Result> results;
        try {
            results = verifier.run(checks, skipped);
        } catch (Verifier.CannotVerify | Provider.Unreachable e) {
            err.println("dts-verifier: " + e.getMessage());
            return CANNOT_VERIFY;
        }
        Reports.Run run = new Reports.Run(options.url().toString(), options.signature().toString(), started,
                (System.nanoTime() - t0) / 1_000_000);
        try {
            Reports.write(options.reportDir(), run, results, SpecExamples.load().rules());
        } catch (java.io.UncheckedIOException e) {
            err.println("dts-verifier: " + e.getMessage());
            return CANNOT_VERIFY;
        }
        long failed = Reports.count(results, Verdict.FAILED);
        err.printf("dts-verifier: %d passed, %d failed, %d skipped; reports: %s, %s%n", Reports.count(results, Verdict.PASSED),
                failed, Reports.count(results, Verdict.SKIPPED), options.reportDir().resolve(Reports.MARKDOWN_FILE),
                options.reportDir().resolve(Reports.JUNIT_FILE));
        return failed == 0 ? PASSED : FAILED;
    }
}
