package dev.dtscontract.server;

import dev.dtscontract.server.domain.InMemoryJobStore;
import dev.dtscontract.server.domain.InstanceCatalogue;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.domain.ModifyDtsJobEndpointService;
import dev.dtscontract.server.rpc.SpecContract;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Wires the plain-Java domain from the seed and the spec. */
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

    @Singleton
    JobStore jobStore(Seed seed) {
        return new InMemoryJobStore(seed.jobs());
    }

    @Singleton
    InstanceCatalogue instanceCatalogue(Seed seed) {
        return new InstanceCatalogue(seed.instances());
    }

    @Singleton
    ModifyDtsJobEndpointService modifyDtsJobEndpointService(JobStore store, InstanceCatalogue catalogue) {
        return new ModifyDtsJobEndpointService(store, catalogue);
    }
}
