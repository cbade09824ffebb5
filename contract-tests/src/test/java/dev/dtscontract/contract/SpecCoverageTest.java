package dev.dtscontract.contract;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import dev.dtscontract.spec.SpecExamples.Rule;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether the spec's request examples reach every error code the emulator can raise and every case of every rule, and
 * (when ProviderContractTest ran before, in this JVM) whether the emulator answered each of them as documented. A code
 * is exercised by a server request example whose documented answer carries it; a rule case by a request example that
 * breaks it (its answer's x-rule, its x-case) and one that satisfies it (x-satisfies, answered 200); a rule no request
 * can break (no errorCode: what a change does) by a satisfying example, its effect asserted in EffectsContractTest.
 * Prints "codes exercised K/N" and "rules exercised K/N", and fails below N/N.
 */
@Order(Integer.MAX_VALUE)
class SpecCoverageTest {

    private static final SpecExamples SPEC = SpecExamples.load();

    @Test
    void everyErrorCodeTheEmulatorRaises_isAnsweredToARequestExample() {
        Set<String> missing = new TreeSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (serverExamples().noneMatch(r -> exercised(r) && code.wire().equals(json(r).map(x -> x.field("Code")).orElse(null)))) {
                missing.add(code.wire());
            }
        }
        int n = ErrorCode.values().length;
        System.out.println("Spec coverage: codes exercised " + (n - missing.size()) + "/" + n + provenance()
                + (missing.isEmpty() ? "" : "; without an example answered as documented: " + missing));
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyRuleCase_hasAnExampleThatBreaksItAndOneThatSatisfiesIt() {
        List<String> units = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Rule rule : SPEC.rules()) {
            List<String> cases = rule.cases().isEmpty() ? List.of("") : rule.cases();
            for (String c : cases) {
                String unit = c.isEmpty() ? rule.id() : rule.id() + "/" + c;
                units.add(unit);
                boolean breakable = !rule.errorCode().isEmpty();
                boolean broken = !breakable || serverExamples().anyMatch(r -> exercised(r) && breaks(r, rule, c));
                boolean satisfied = serverExamples().anyMatch(r -> exercised(r) && satisfies(r, rule, unit));
                if (!broken || !satisfied) {
                    missing.add(unit + (broken ? "" : " (nothing breaks it)") + (satisfied ? "" : " (nothing satisfies it)"));
                }
            }
        }
        System.out.println("Spec coverage: rules exercised " + (units.size() - missing.size()) + "/" + units.size()
                + " (" + SPEC.rules().size() + " rules and their cases)" + provenance()
                + (missing.isEmpty() ? "" : "; missing: " + missing));
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCaseAnExampleNames_isACaseOfItsRule() {
        List<String> unknown = new ArrayList<>();
        serverExamples().forEach(r -> {
            Optional<Rule> rule = json(r).flatMap(ResponseExample::rule).flatMap(SpecCoverageTest::rule);
            r.caseName().filter(c -> rule.map(x -> !x.cases().contains(c)).orElse(true)).ifPresent(c -> unknown.add(r.id() + ": x-case " + c));
            r.satisfies().forEach(unit -> {
                String[] parts = unit.split("/", 2);
                Optional<Rule> named = rule(parts[0]);
                if (named.isEmpty() || parts.length == 2 && !named.get().cases().contains(parts[1])) {
                    unknown.add(r.id() + ": x-satisfies " + unit);
                }
            });
        });
        assertEquals(List.of(), unknown);
    }

    private static boolean breaks(RequestExample r, Rule rule, String c) {
        return json(r).flatMap(ResponseExample::rule).filter(rule.id()::equals).isPresent()
                && (c.isEmpty() || r.caseName().filter(c::equals).isPresent());
    }

    private static boolean satisfies(RequestExample r, Rule rule, String unit) {
        boolean accepted = json(r).map(x -> x.status() == 200 && x.field("Code") == null).orElse(false);
        return accepted && (r.satisfies().contains(unit) || r.satisfies().contains(rule.id()));
    }

    /** Answered as documented by the emulator in this run, or (ProviderContractTest not run in this JVM) in the spec. */
    private static boolean exercised(RequestExample r) {
        return Ledger.PASSED.isEmpty() || Ledger.PASSED.contains(r.id());
    }

    private static String provenance() {
        return Ledger.PASSED.isEmpty() ? " (from the spec only: ProviderContractTest did not run in this JVM)"
                : " (each answered by the emulator as documented)";
    }

    private static java.util.stream.Stream<RequestExample> serverExamples() {
        return SPEC.requests().stream().filter(r -> r.appliesTo("server"));
    }

    private static Optional<ResponseExample> json(RequestExample r) {
        return SPEC.findResponse(r.id(), "application/json");
    }

    private static Optional<Rule> rule(String id) {
        return SPEC.rules().stream().filter(x -> x.id().equals(id)).findFirst();
    }
}
