package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dtscontract.spec.SpecExamples;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inside a Micronaut application the client is a bean, configured under dts.client and micronaut.http.services.dts. */
class DtsClientInjectionTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true).build();

    @Test
    void injectedClient_usesTheApplicationsConfiguration() {
        SpecExamples.ResponseExample ok = SpecExamples.load().response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", ok.mediaType()).withBody(ok.body())));
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "micronaut.http.services.dts.url", wm.baseUrl(),
                "dts.client.access-key-id", "LTAI5tInjected",
                "dts.client.access-key-secret", "injected-secret"))) {
            DtsClient client = context.getBean(DtsClient.class);
            assertEquals(true, client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()).getSuccess());
        }
        assertTrue(wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0).getHeader("Authorization")
                .startsWith("ACS3-HMAC-SHA256 Credential=LTAI5tInjected,"), "V3 by default, with the configured key");
    }
}
