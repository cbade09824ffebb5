package dev.dtscontract.server;

import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.auth.NonceMemory;
import dev.dtscontract.server.auth.RequestAuthenticator;
import dev.dtscontract.server.auth.Throttle;
import dev.dtscontract.server.control.EmulatorClock;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.domain.ChangeSettling;
import dev.dtscontract.server.domain.DescribeDtsJobDetail;
import dev.dtscontract.server.domain.DescribeDtsJobDetailService;
import dev.dtscontract.server.domain.InMemoryJobStore;
import dev.dtscontract.server.domain.InstanceCatalogue;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.domain.ModifyDtsJobEndpoint;
import dev.dtscontract.server.domain.ModifyDtsJobEndpointService;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/** Wires the plain-Java domain and authentication from the seed, the spec and configuration. */
@Factory
final class EmulatorFactory {

    @Singleton
    SpecContract specContract() {
        return SpecContract.load();
    }

    @Singleton
    Seed seed(@Nullable @Value("${dts.seed.path:}") String seedPath) {
        return seedPath == null || seedPath.isBlank() ? SeedLoader.loadDefault() : SeedLoader.loadFile(seedPath);
    }

    /** The one time source (C-CLOCK): injected as Clock, and the monotonic time of the nonce memory and throttle. */
    @Singleton
    EmulatorClock clock() {
        return EmulatorClock.system();
    }

    @Singleton
    Accounts accounts(Seed seed) {
        return seed.accounts();
    }

    @Singleton
    JobStore jobStore(Seed seed) {
        return new InMemoryJobStore(seed.jobs());
    }

    @Singleton
    InstanceCatalogue instanceCatalogue(Seed seed) {
        return new InstanceCatalogue(seed.instances());
    }

    @Singleton
    ModifyDtsJobEndpoint modifyDtsJobEndpoint(JobStore store, InstanceCatalogue catalogue, Accounts accounts, JobHistory history,
                                              EmulatorClock clock, @Value("${dts.jobs.modifying-seconds:30}") long modifyingSeconds) {
        return new ModifyDtsJobEndpointService(store, catalogue, accounts, history,
                new ChangeSettling(clock, java.time.Duration.ofSeconds(modifyingSeconds)));
    }

    @Singleton
    DescribeDtsJobDetail describeDtsJobDetail(JobStore store, EmulatorClock clock) {
        return new DescribeDtsJobDetailService(store, clock);
    }

    /** Created at start (@Context), so that running without authentication is said before the first request. */
    @Context
    Authenticator authenticator(Accounts accounts, EmulatorClock clock, SpecContract contract,
                                @Value("${dts.auth.enabled:true}") boolean enabled,
                                @Value("${dts.auth.rate-per-second:100000}") long ratePerSecond,
                                @Value("${dts.auth.burst:100000}") long burst,
                                @Value("${dts.auth.max-nonces-per-key:2000000}") long maxNoncesPerKey) {
        if (!enabled) {
            LoggerFactory.getLogger(EmulatorFactory.class).warn(
                    "!!! AUTHENTICATION IS OFF (dts.auth.enabled=false / DTS_AUTH_ENABLED=false): every request is accepted "
                            + "unsigned, as if from the job's owner. For quick local use only. !!!");
            return Authenticator.authenticationOff();
        }
        return new RequestAuthenticator(accounts,
                new NonceMemory(RequestAuthenticator.NONCE_WINDOW, maxNoncesPerKey, clock::nanoTime),
                new Throttle(ratePerSecond, burst, clock::nanoTime), clock, contract.secretParameterNames());
    }
}
