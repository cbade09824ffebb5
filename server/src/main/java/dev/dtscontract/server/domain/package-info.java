/**
 * The emulated DTS service in plain Java: jobs and their endpoints, the catalogue of database instances,
 * the job store, and the rules of ModifyDtsJobEndpoint. No HTTP or Micronaut type appears here; each rule
 * cites the rule id of the spec's {@code x-rules} and the error code it yields.
 */
package dev.dtscontract.server.domain;
