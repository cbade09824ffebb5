package dev.dtscontract.server;

import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.auth.NonceListener;
import dev.dtscontract.server.auth.NonceMemory;
import dev.dtscontract.server.auth.RequestAuthenticator;
import dev.dtscontract.server.auth.Throttle;
import dev.dtscontract.server.control.EmulatorClock;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.control.StateListener;
import dev.dtscontract.server.domain.ChangeObserver;
import dev.dtscontract.server.domain.ChangeSettling;
import dev.dtscontract.server.domain.DescribeDtsJobDetail;
import dev.dtscontract.server.domain.DescribeDtsJobDetailService;
import dev.dtscontract.server.domain.InMemoryJobStore;
import dev.dtscontract.server.domain.InstanceCatalogue;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.domain.ModifyDtsJobEndpoint;
import dev.dtscontract.server.domain.ModifyDtsJobEndpointService;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import dev.dtscontract.server.storage.DataDirectory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/** Wires the plain-Java domain and authentication from the seed, the spec and configuration. */
@Factory
final class EmulatorFactory {

    @Singleton
    SpecContract specContract() {
        return SpecContract.load();
    }

    private static Seed configuredSeed(String seedPath) {
        return seedPath == null || seedPath.isBlank() ? SeedLoader.loadDefault() : SeedLoader.loadFile(seedPath);
    }

    /**
     * The data directory (DTS_DATA_DIR, C-DURABLE), when one is set: opened, replayed and compacted before any other
     * state exists, so every store below starts from what it holds. Its first start takes the configured seed.
     */
    @Singleton
    @Requires(property = "dts.data-dir", pattern = ".*\\S.*")
    @Bean(preDestroy = "close")
    DataDirectory dataDirectory(@Value("${dts.data-dir}") String directory, @Nullable @Value("${dts.seed.path:}") String seedPath) {
        DataDirectory opened = DataDirectory.open(Path.of(directory.strip()), () -> configuredSeed(seedPath),
                RequestAuthenticator.NONCE_WINDOW, Clock.systemUTC());
        LoggerFactory.getLogger(EmulatorFactory.class).info("State in {} ({})", opened.file(),
                opened.recovered().fresh() ? "a new data directory, from the seed" : "restored");
        return opened;
    }

    /** The seed a reset returns to: the data directory's, or the configured one. */
    @Singleton
    Seed seed(@Nullable @Value("${dts.seed.path:}") String seedPath, Optional<DataDirectory> data) {
        return data.map(d -> d.recovered().seed()).orElseGet(() -> configuredSeed(seedPath));
    }

    /** The one time source (C-CLOCK): injected as Clock, and the monotonic time of the nonce memory and throttle. */
    @Singleton
    EmulatorClock clock(Optional<DataDirectory> data) {
        EmulatorClock clock = EmulatorClock.system();
        data.map(d -> d.recovered().clockOffset()).filter(offset -> !offset.isZero() && !offset.isNegative()).ifPresent(clock::advance);
        return clock;
    }

    @Singleton
    Accounts accounts(Seed seed, Optional<DataDirectory> data) {
        return data.map(d -> new Accounts(d.recovered().accounts())).orElseGet(seed::accounts);
    }

    @Singleton
    JobStore jobStore(Seed seed, Optional<DataDirectory> data) {
        return new InMemoryJobStore(data.map(d -> d.recovered().jobs()).orElseGet(seed::jobs));
    }

    @Singleton
    InstanceCatalogue instanceCatalogue(Seed seed, Optional<DataDirectory> data) {
        return new InstanceCatalogue(data.map(d -> d.recovered().instances()).orElseGet(seed::instances));
    }

    @Singleton
    JobHistory jobHistory(EmulatorClock clock, Optional<DataDirectory> data) {
        JobHistory history = new JobHistory(clock);
        data.ifPresent(d -> history.restore(d.recovered().histories()));
        return history;
    }

    /**
     * Where the test-control API's changes are kept: the data directory, or nowhere (memory only). Not a singleton of
     * its own: the data directory is one already, and a second singleton registration of the same instance (made when
     * EmulatorState is first created, at the first control request) replaced the first, so the context's shutdown no
     * longer closed the data directory (its lock stayed held: DurableExtensionTest).
     */
    @io.micronaut.context.annotation.Prototype
    StateListener stateListener(Optional<DataDirectory> data) {
        return data.<StateListener>map(d -> d).orElse(StateListener.IN_MEMORY);
    }

    @Singleton
    NonceMemory nonceMemory(EmulatorClock clock, Optional<DataDirectory> data,
                            @Value("${dts.auth.max-nonces-per-key:2000000}") long maxNoncesPerKey) {
        NonceMemory nonces = new NonceMemory(RequestAuthenticator.NONCE_WINDOW, maxNoncesPerKey, clock::nanoTime);
        data.ifPresent(d -> d.recovered().nonces().forEach(use ->
                nonces.restore(use.accessKeyId(), use.nonce(), Duration.between(use.at(), clock.instant()))));
        return nonces;
    }

    /**
     * Each applied change: written to the data directory first when there is one (if it cannot be, the change is not
     * applied; its answer waits until it is forced, DurableAnswers), then in the job's history, both inside the job's
     * atomic update and with the same entry.
     */
    @Singleton
    ModifyDtsJobEndpoint modifyDtsJobEndpoint(JobStore store, InstanceCatalogue catalogue, Accounts accounts, JobHistory history,
                                              EmulatorClock clock, Optional<DataDirectory> data,
                                              @Value("${dts.jobs.modifying-seconds:30}") long modifyingSeconds) {
        ChangeObserver observer = data.<ChangeObserver>map(d -> applied -> {
            JobChange entry = history.changeOf(applied);
            d.changed(applied.after(), entry);
            history.record(applied.after().dtsJobId(), entry);
        }).orElse(history);
        return new ModifyDtsJobEndpointService(store, catalogue, accounts, observer,
                new ChangeSettling(clock, java.time.Duration.ofSeconds(modifyingSeconds)));
    }

    @Singleton
    DescribeDtsJobDetail describeDtsJobDetail(JobStore store, EmulatorClock clock) {
        return new DescribeDtsJobDetailService(store, clock);
    }

    /** Created at start (@Context), so that running without authentication is said before the first request. */
    @Context
    Authenticator authenticator(Accounts accounts, EmulatorClock clock, SpecContract contract, NonceMemory nonces,
                                Optional<DataDirectory> data,
                                @Value("${dts.auth.enabled:true}") boolean enabled,
                                @Value("${dts.auth.rate-per-second:100000}") long ratePerSecond,
                                @Value("${dts.auth.burst:100000}") long burst) {
        if (!enabled) {
            LoggerFactory.getLogger(EmulatorFactory.class).warn(
                    "!!! AUTHENTICATION IS OFF (dts.auth.enabled=false / DTS_AUTH_ENABLED=false): every request is accepted "
                            + "unsigned, as if from the job's owner. For quick local use only. !!!");
            return Authenticator.authenticationOff();
        }
        if (accounts.all().stream().allMatch(account -> account.keys().isEmpty())) {
            LoggerFactory.getLogger(EmulatorFactory.class).warn("The seed has no AccessKey (no 'accounts' with 'accessKeys'): every "
                    + "signed request will be refused InvalidAccessKeyId.NotFound until one is added (the seed's 'accounts', or "
                    + "PUT /_emulator/accounts/{id}).");
        }
        return new RequestAuthenticator(accounts, nonces, new Throttle(ratePerSecond, burst, clock::nanoTime), clock,
                contract.secretParameterNames(), data.<NonceListener>map(d -> d).orElse(NonceListener.IN_MEMORY));
    }
}
