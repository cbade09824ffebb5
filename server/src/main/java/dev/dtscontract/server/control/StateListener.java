package dev.dtscontract.server.control;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.Snapshot;

import java.time.Duration;

/**
 * Sees each change the test-control API makes to the state, after it was made and before it is answered (C-DURABLE:
 * the data directory's store keeps them). If it throws, the change is not acknowledged.
 */
public interface StateListener {

    void jobPut(DtsJob job);

    void instancePut(DatabaseInstance instance);

    void accountPut(Accounts.Account account);

    void keyPut(AccessKey key);

    /** Back to the seed last loaded. */
    void reset();

    /** A seed became the state and what later resets return to. */
    void loaded(Seed seed);

    /** The clock was moved forward: it is now {@code offset} ahead of the machine's. */
    void clockAdvanced(Duration offset);

    /** A snapshot became the state (C-SNAPSHOT); the clock is now {@code offset} ahead of the machine's. */
    void snapshotLoaded(Snapshot snapshot, Duration offset);

    /** Keeps nothing: the state lives in memory only (no data directory). */
    StateListener IN_MEMORY = new StateListener() {
        @Override
        public void jobPut(DtsJob job) {
        }

        @Override
        public void instancePut(DatabaseInstance instance) {
        }

        @Override
        public void accountPut(Accounts.Account account) {
        }

        @Override
        public void keyPut(AccessKey key) {
        }

        @Override
        public void reset() {
        }

        @Override
        public void loaded(Seed seed) {
        }

        @Override
        public void clockAdvanced(Duration offset) {
        }

        @Override
        public void snapshotLoaded(Snapshot snapshot, Duration offset) {
        }
    };
}
