package dev.dtscontract.contract;

import dev.dtscontract.verifier.Exchange;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WireMock's record of a served request, as an {@link Exchange}. */
final class Recorded {

    private Recorded() {
    }

    /** Authorization and every x-acs-* header, by lower-case name. */
    static Map<String, String> signatureHeaders(LoggedRequest request) {
        Map<String, String> headers = new java.util.TreeMap<>();
        request.getHeaders().all().forEach(h -> {
            String name = h.key().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("authorization") || name.startsWith("x-acs-")) {
                headers.put(name, h.firstValue());
            }
        });
        return headers;
    }

    static Exchange exchange(String name, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        LoggedResponse response = event.getResponse();
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getQueryParams().forEach((key, value) -> query.put(key, new ArrayList<>(value.values())));
        String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?')) : request.getUrl();
        return new Exchange(name, request.getMethod().getName(), path, query,
                request.contentTypeHeader().isPresent() ? request.contentTypeHeader().firstValue() : null,
                request.getBodyAsString(), response.getStatus(),
                response.getHeaders().getContentTypeHeader().isPresent() ? response.getHeaders().getContentTypeHeader().firstValue() : null,
                response.getBodyAsString(), signatureHeaders(request));
    }
}
