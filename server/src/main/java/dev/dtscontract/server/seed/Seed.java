package dev.dtscontract.server.seed;

import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;

import java.util.List;

/** The parsed seed: the catalogue's instances and the jobs. */
public record Seed(List<DatabaseInstance> instances, List<DtsJob> jobs) {
}
