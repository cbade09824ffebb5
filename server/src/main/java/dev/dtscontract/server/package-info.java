/**
 * The emulator's Micronaut application: the thin controller that implements the interface generated from
 * the spec, and the wiring of the domain (store, catalogue, service) from the seed.
 */
package dev.dtscontract.server;
