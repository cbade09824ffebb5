package dev.dtscontract.contract;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/** What the contract suite checked, for the summary printed at the end of the run. */
final class Ledger {

    static final AtomicInteger EXCHANGES = new AtomicInteger();
    static final Set<String> EXAMPLES = new ConcurrentSkipListSet<>();
    static final Set<String> RULES = new ConcurrentSkipListSet<>();
    static final Set<String> BROKEN_CAUGHT = new ConcurrentSkipListSet<>();
    /** Request examples whose answer from the emulator matched their documented response (ProviderContractTest). */
    static final Set<String> PASSED = new ConcurrentSkipListSet<>();

    private Ledger() {
    }

    static void exchange(String exampleId) {
        EXCHANGES.incrementAndGet();
        EXAMPLES.add(exampleId);
    }

    static String summary() {
        return "Contract summary: " + EXCHANGES.get() + " exchanges validated against the spec; "
                + EXAMPLES.size() + " spec examples used " + new TreeSet<>(EXAMPLES) + "; "
                + RULES.size() + " rules exercised " + RULES + "; "
                + BROKEN_CAUGHT.size() + " broken counterparts caught " + BROKEN_CAUGHT;
    }
}
