/**
 * A Java client for Alibaba Cloud DTS ModifyDtsJobEndpoint (2020-01-01). {@link dev.dtscontract.client.DtsClient}
 * wraps the Micronaut declarative client generated from the spec (package {@code dev.dtscontract.client.api}, models
 * in {@code dev.dtscontract.client.model}): it signs every request, raises one typed exception for every failure,
 * and retries what was certainly not applied.
 */
package dev.dtscontract.client;
