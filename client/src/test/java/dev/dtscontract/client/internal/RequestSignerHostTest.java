package dev.dtscontract.client.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signed Host header is the one the HTTP client sends: the port only when it is not the scheme's default. */
class RequestSignerHostTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://dts.aliyuncs.com/,          dts.aliyuncs.com",
            "https://dts.aliyuncs.com:443/,      dts.aliyuncs.com",
            "https://dts.aliyuncs.com:80/,       dts.aliyuncs.com:80",
            "https://dts.aliyuncs.com:8443/,     dts.aliyuncs.com:8443",
            "http://127.0.0.1/,                  127.0.0.1",
            "http://127.0.0.1:80/,               127.0.0.1",
            "http://127.0.0.1:443/,              127.0.0.1:443",
            "http://127.0.0.1:8080/,             127.0.0.1:8080",
    })
    void host_isWhatTheClientSends(String uri, String host) {
        assertEquals(host, RequestSigner.host(URI.create(uri)));
    }
}
