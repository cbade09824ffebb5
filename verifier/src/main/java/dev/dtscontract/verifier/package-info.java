/**
 * Contract verification of any provider of ModifyDtsJobEndpoint: the checks (validator, comparisons with the spec's
 * examples), signed requests, and the {@code dts-verifier} command line with its reports.
 */
package dev.dtscontract.verifier;
