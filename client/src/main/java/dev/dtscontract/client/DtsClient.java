package dev.dtscontract.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtscontract.client.internal.ErrorBodies;
import dev.dtscontract.client.internal.RequestSigner;
import dev.dtscontract.client.internal.Retrier;
import dev.dtscontract.client.internal.AnswerTree;
import dev.dtscontract.client.internal.BoundedBody;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.ModelFormat;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.client.model.ModifyDtsJobEndpointResponse;
import dev.dtscontract.signing.SignedRequest;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Calls Alibaba Cloud DTS, or this project's emulator: ModifyDtsJobEndpoint and DescribeDtsJobDetail. Plain Java
 * with {@link #builder()}, on the JDK's HTTP client; its runtime dependencies are the signing module and Jackson. In a
 * Micronaut application it is a bean, configured under {@code dts.client} and {@code micronaut.http.services.dts}
 * (its bean definition is compiled in; only Micronaut reads it). Every failure is a {@link DtsClientException}.
 */
@Singleton
public final class DtsClient implements AutoCloseable {

    /** The public DTS endpoint. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://dts.aliyuncs.com");
    /** The largest answer body read by default: 10 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L << 20;

    /** Reads the generated models: every property by its wire name; a property a newer service adds is skipped. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final HttpClient http;
    private final URI endpoint;
    private final Duration readTimeout;
    private final RequestSigner signer;
    private final Retrier retrier;
    private final ModelFormat format;
    private final long maxResponseBytes;
    private final BoundedBody bodies;
    private volatile boolean closed;

    /** A Micronaut application's client: {@code dts.client.*}, and the endpoint and timeouts of {@code micronaut.http.services.dts}. */
    @Inject
    DtsClient(DtsClientConfiguration configuration, CredentialsProvider credentials,
              @Value("${micronaut.http.services.dts.url:`https://dts.aliyuncs.com`}") URI url,
              @Value("${micronaut.http.services.dts.connect-timeout:5s}") Duration connectTimeout,
              @Value("${micronaut.http.services.dts.read-timeout:10s}") Duration readTimeout) {
        this(builder().endpoint(url).credentialsProvider(credentials).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .retryPolicy(configuration.retryPolicy()).signatureAlgorithm(configuration.signatureAlgorithm())
                .format(ModelFormat.fromValue(configuration.getFormat().toUpperCase(Locale.ROOT))));
    }

    private DtsClient(Builder settings) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoint = settings.endpoint;
        this.readTimeout = settings.readTimeout;
        this.signer = new RequestSigner(settings.credentials != null ? settings.credentials : Credentials::fromEnvironment,
                settings.signatureAlgorithm);
        this.retrier = new Retrier(settings.retryPolicy);
        this.format = settings.format;
        this.maxResponseBytes = settings.maxResponseBytes;
        this.bodies = new BoundedBody(settings.maxResponseBytes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Replaces the source or destination database of a DTS job (or, with DryRun, only prechecks it).
     * Action, Version and the signature parameters are set by the client; Endpoint and
     * EndpointInstanceType are required, and DtsJobId or DtsInstanceId. The answer is XML when the
     * client or the request asks for Format XML (the request model defaults to JSON), else JSON.
     *
     * @throws DtsClientException on any error answer, on HTTP 200 with Success=false, or when no answer came
     * @throws IllegalArgumentException when a required parameter is missing (nothing is sent)
     */
    public ModifyDtsJobEndpointResponse modifyDtsJobEndpoint(ModifyDtsJobEndpointRequest request) {
        Objects.requireNonNull(request, "request");
        require(request.getEndpoint() != null, "Endpoint");
        require(request.getEndpointInstanceType() != null, "EndpointInstanceType");
        require(request.getDtsJobId() != null || request.getDtsInstanceId() != null, "DtsJobId or DtsInstanceId");
        Map<String, String> parameters = parameters("ModifyDtsJobEndpoint", request);
        return retrier.call(() -> {
            ModifyDtsJobEndpointResponse response = exchange("POST", parameters, ModifyDtsJobEndpointResponse.class, false);
            if (!Boolean.TRUE.equals(response.getSuccess())) {
                throw failure(response);
            }
            return response;
        });
    }

    /**
     * Reads a DTS job back: its status, endpoints, checkpoint (DescribeDtsJobDetail). DtsJobId is required. A read
     * changes nothing, so it is retried on every retryable failure, a read timeout included (unlike a change).
     *
     * @throws DtsClientException on any error answer, on HTTP 200 with Success=false, or when no answer came
     * @throws IllegalArgumentException when DtsJobId is missing (nothing is sent)
     */
    public DescribeDtsJobDetailResponse describeDtsJobDetail(DescribeDtsJobDetailRequest request) {
        Objects.requireNonNull(request, "request");
        require(request.getDtsJobId() != null, "DtsJobId");
        Map<String, String> parameters = parameters("DescribeDtsJobDetail", request);
        return retrier.call(() -> {
            DescribeDtsJobDetailResponse response = exchange("GET", parameters, DescribeDtsJobDetailResponse.class, true);
            if (!Boolean.TRUE.equals(response.getSuccess())) {
                // An answer at HTTP 200 (error statuses raise before): its HttpStatusCode, or that 200 when it gives none.
                throw DtsClientException.builder(response.getErrCode(), response.getErrMessage())
                        .status(response.getHttpStatusCode() == null ? 200 : response.getHttpStatusCode())
                        .requestId(response.getRequestId()).retryable(ErrorBodies.isRetryable(response.getErrCode())).build();
            }
            return response;
        });
    }

    /**
     * A request model's parameters by the names its JSON properties carry (the spec's wire names, so a reordered or
     * added parameter in the spec reaches the wire by its name), the operation's Action and Version, and the Format:
     * the request's XML, else the client's.
     */
    private Map<String, String> parameters(String action, Object request) {
        Map<String, String> parameters = new TreeMap<>();
        JSON.valueToTree(request).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                return;
            }
            if (!value.isValueNode()) {
                throw new IllegalArgumentException(field.getKey() + " is not a single value: " + value.getNodeType());
            }
            parameters.put(field.getKey(), value.asText());
        });
        parameters.put("Action", action);
        parameters.put("Version", SignedRequest.VERSION);
        parameters.put("Format", "XML".equals(parameters.get("Format")) ? "XML" : format.getValue());
        return parameters;
    }

    /**
     * One signed exchange, its failures as DtsClientExceptions. {@code safeToRepeat}: whether a read timeout may be
     * retried (a read changes nothing; a change may have been applied): a change goes as POST, which the JDK's client
     * never resends by itself.
     */
    private <T> T exchange(String method, Map<String, String> parameters, Class<T> type, boolean safeToRepeat) {
        if (closed) {
            throw new IllegalStateException("the DTS client is closed");
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(signer.request(method, endpoint, parameters, readTimeout), bodies);
        } catch (HttpConnectTimeoutException e) { // a timeout of the connection: checked before every other timeout
            throw DtsClientException.builder("SDK.ConnectTimeout", "No connection within the connect timeout; the request was not sent.")
                    .retryable(true).cause(e).build();
        } catch (HttpTimeoutException e) {
            throw DtsClientException.builder("SDK.ReadTimeout", safeToRepeat ? "No answer within the read timeout."
                    : "No answer within the read timeout; the request may have been applied.").retryable(safeToRepeat).cause(e).build();
        } catch (ConnectException e) {
            throw DtsClientException.builder("SDK.ConnectionRefused", "The connection was refused; the request was not sent.")
                    .retryable(true).cause(e).build();
        } catch (IOException e) {
            BoundedBody.TooLarge tooLarge = tooLarge(e);
            if (tooLarge != null) { // answered, so possibly applied: never retried
                throw DtsClientException.builder("SDK.ResponseTooLarge", "The answer's body is larger than " + maxResponseBytes
                        + " bytes (DtsClient.Builder.maxResponseBytes); it was not read.").status(tooLarge.status()).cause(e).build();
            }
            throw DtsClientException.builder("SDK.TransportError", "The request failed: " + e).cause(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DtsClientException.builder("SDK.TransportError", "Interrupted while waiting for the answer; the request may have been applied.")
                    .cause(e).build();
        }
        int status = answer.statusCode();
        String body = answer.body();
        if (status / 100 != 2) {
            throw ErrorBodies.parse(status, body);
        }
        if (body == null || body.isBlank()) {
            throw emptyResponse();
        }
        try {
            return JSON.treeToValue(AnswerTree.read(body), type);
        } catch (IOException | IllegalArgumentException e) { // a 2xx the model cannot hold
            throw ErrorBodies.parse(status, body);
        }
    }

    /** The bound's failure, as the JDK's client gives it (itself, or as the cause of the IOException it throws). */
    private static BoundedBody.TooLarge tooLarge(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** The request was answered (so it may have been applied), but with nothing to read. */
    private static DtsClientException emptyResponse() {
        return DtsClientException.builder("SDK.EmptyResponse", "An answer without a body").status(200).rawBody("").build();
    }

    /**
     * A change answered at HTTP 200 with Success=false: its HttpStatusCode (a string in this model), or that 200 when it
     * gives none. One that is not a status is an answer the client cannot read, never a status made up for it.
     */
    private static DtsClientException failure(ModifyDtsJobEndpointResponse response) {
        String stated = response.getHttpStatusCode();
        int status;
        try {
            status = stated == null ? 200 : Integer.parseInt(stated.strip());
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < 100 || status > 599) {
            return DtsClientException.builder("SDK.UnparsedResponse", "Success=false with an HttpStatusCode that is not an HTTP status: '"
                    + stated + "' (ErrCode " + response.getErrCode() + ": " + response.getErrMessage() + ")")
                    .status(200).requestId(response.getRequestId()).build();
        }
        return DtsClientException.builder(response.getErrCode(), response.getErrMessage()).status(status)
                .requestId(response.getRequestId()).retryable(ErrorBodies.isRetryable(response.getErrCode())).build();
    }

    private static void require(boolean present, String name) {
        if (!present) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** After this, every call fails without sending anything (the JDK's client lets its connections go once unused). */
    @Override
    public void close() {
        closed = true;
    }

    /** Builds a DtsClient for plain Java. Credentials default to the ALIBABA_CLOUD_* environment variables. */
    public static final class Builder {

        private URI endpoint = DEFAULT_ENDPOINT;
        private CredentialsProvider credentials;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ModelFormat format = ModelFormat.JSON;
        private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.V3;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        /** The endpoint the client will call; for tests of {@link #region(String)}. */
        URI endpoint() {
            return endpoint;
        }

        /** Any URL, e.g. the emulator's http://127.0.0.1:8080 (default https://dts.aliyuncs.com). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        /** The regional endpoint https://dts.&lt;regionId&gt;.aliyuncs.com. */
        public Builder region(String regionId) {
            if (regionId == null || !regionId.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("not a region id: " + regionId);
            }
            return endpoint(URI.create("https://dts." + regionId + ".aliyuncs.com"));
        }

        public Builder credentials(Credentials credentials) {
            Objects.requireNonNull(credentials, "credentials");
            this.credentials = () -> credentials;
            return this;
        }

        public Builder credentialsProvider(CredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** Default 10 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** JSON (default) or XML. */
        public Builder format(ModelFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** V3 (default, ACS3-HMAC-SHA256, as Alibaba Cloud's current SDKs) or V2 (the RPC signature). */
        public Builder signatureAlgorithm(SignatureAlgorithm algorithm) {
            this.signatureAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * The largest answer body read, in bytes (default 10 MiB, as Micronaut's HTTP client): a longer one fails the
         * call with {@code SDK.ResponseTooLarge} (its status kept, never retried) instead of filling the heap.
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        public DtsClient build() {
            return new DtsClient(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            return d;
        }
    }
}
