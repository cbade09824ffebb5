package dev.dtscontract.client;

import dev.dtscontract.client.api.DtsApi;
import dev.dtscontract.client.internal.ErrorBodies;
import dev.dtscontract.client.internal.Retrier;
import dev.dtscontract.client.model.Action;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.ModelFormat;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.client.model.ModifyDtsJobEndpointResponse;
import dev.dtscontract.client.model.Version;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Calls ModifyDtsJobEndpoint on Alibaba Cloud DTS or on this project's emulator. Inject it in a Micronaut
 * application, or build one in plain Java with {@link #builder()} (it then runs its own small Micronaut
 * context, which {@link #close()} stops). Every failure is a {@link DtsClientException}.
 */
@Singleton
public final class DtsClient implements AutoCloseable {

    /** The public DTS endpoint. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://dts.aliyuncs.com");

    private final DtsApi api;
    private final Retrier retrier;
    private final ModelFormat format;
    private final AutoCloseable owner;

    @Inject
    DtsClient(DtsApi api, DtsClientConfiguration configuration) {
        this(api, new Retrier(configuration.retryPolicy()), ModelFormat.fromValue(configuration.getFormat().toUpperCase(Locale.ROOT)), null);
    }

    private DtsClient(DtsApi api, Retrier retrier, ModelFormat format, AutoCloseable owner) {
        this.api = api;
        this.retrier = retrier;
        this.format = format;
        this.owner = owner;
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
        return retrier.call(() -> send(request));
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
        return retrier.call(() -> {
            DescribeDtsJobDetailResponse response = exchange(() -> api.describeDtsJobDetail(request.getDtsJobId(),
                    Action.DESCRIBE_DTS_JOB_DETAIL, request.getDtsInstanceID(), request.getSynchronizationDirection(),
                    request.getRegionId(), request.getSyncSubJobHistory(), request.getZeroEtlJob(), request.getResourceGroupId(),
                    request.getDbObjectOutputType(), request.getFormat() == ModelFormat.XML ? ModelFormat.XML : format,
                    Version._2020_01_01, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null), true);
            if (!Boolean.TRUE.equals(response.getSuccess())) {
                // An answer at HTTP 200 (error statuses raise before): its HttpStatusCode, or that 200 when it gives none.
                throw DtsClientException.builder(response.getErrCode(), response.getErrMessage())
                        .status(response.getHttpStatusCode() == null ? 200 : response.getHttpStatusCode())
                        .requestId(response.getRequestId()).retryable(ErrorBodies.isRetryable(response.getErrCode())).build();
            }
            return response;
        });
    }

    private ModifyDtsJobEndpointResponse send(ModifyDtsJobEndpointRequest r) {
        ModifyDtsJobEndpointResponse response = exchange(() -> sendModify(r), false);
        if (!Boolean.TRUE.equals(response.getSuccess())) {
            throw failure(response);
        }
        return response;
    }

    /**
     * One call of the generated client, its failures as DtsClientExceptions. {@code safeToRepeat}: whether a read
     * timeout may be retried (a read changes nothing; a change may have been applied).
     */
    private static <T> T exchange(java.util.function.Supplier<T> call, boolean safeToRepeat) {
        T response;
        try {
            response = call.get();
        } catch (DtsClientException e) { // an error status, raised by ErrorStatusFilter
            throw e;
        } catch (ReadTimeoutException e) {
            throw DtsClientException.builder("SDK.ReadTimeout", safeToRepeat ? "No answer within the read timeout."
                    : "No answer within the read timeout; the request may have been applied.").retryable(safeToRepeat).cause(e).build();
        } catch (HttpClientResponseException e) { // a 2xx the generated client could not read (error statuses: ErrorStatusFilter)
            String body = e.getResponse().getBody(String.class).orElse("");
            throw body.isBlank() ? emptyResponse(e) : ErrorBodies.parse(e.getStatus().getCode(), body);
        } catch (HttpClientException e) {
            if (causedBy(e, ConnectTimeoutException.class)) { // a ConnectException too: checked first
                throw DtsClientException.builder("SDK.ConnectTimeout", "No connection within the connect timeout; the request was not sent.")
                        .retryable(true).cause(e).build();
            }
            boolean refused = causedBy(e, ConnectException.class);
            throw DtsClientException.builder(refused ? "SDK.ConnectionRefused" : "SDK.TransportError",
                    refused ? "The connection was refused; the request was not sent." : "The request failed: " + e.getMessage())
                    .retryable(refused).cause(e).build();
        }
        if (response == null) {
            throw emptyResponse(null);
        }
        return response;
    }

    private ModifyDtsJobEndpointResponse sendModify(ModifyDtsJobEndpointRequest r) {
            // Named by the spec's order of the generated GET operation; the signing filter turns the common
            // parameters into V3 headers or the RPC signature, so they are left null here.
            return api.modifyDtsJobEndpoint(r.getEndpoint(), r.getEndpointInstanceType(), Action.MODIFY_DTS_JOB_ENDPOINT,
                    r.getRegionId(), r.getDtsJobId(), r.getDtsInstanceId(), r.getSynchronizationDirection(),
                    r.getEndpointRegionId(), r.getEndpointInstanceId(), r.getEndpointIp(), r.getEndpointPort(),
                    r.getModifyAccount(), r.getUsername(), r.getPassword(), r.getDatabase(), r.getShardUsername(),
                    r.getShardPassword(), r.getRoleName(), r.getAliyunUid(), r.getDryRun(), r.getResourceGroupId(),
                    r.getFormat() == ModelFormat.XML ? ModelFormat.XML : format, Version._2020_01_01,
                    null, null, null, null, null, null, r.getZeroEtlJob(),
                    null, null, null, null, null, null, null, null);
    }

    /** The request was answered (so it may have been applied), but with nothing to read. */
    private static DtsClientException emptyResponse(Throwable cause) {
        return DtsClientException.builder("SDK.EmptyResponse", "An answer without a body").status(200).rawBody("").cause(cause).build();
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

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static void require(boolean present, String name) {
        if (!present) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Stops the client's own context when it was built with {@link #builder()}; a no-op for an injected one. */
    @Override
    public void close() {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the DTS client failed", e);
            }
        }
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

        public DtsClient build() {
            CredentialsProvider provider = credentials != null ? credentials : Credentials::fromEnvironment;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("micronaut.http.services.dts.url", endpoint.toString());
            properties.put("micronaut.http.services.dts.connect-timeout", connectTimeout.toMillis() + "ms");
            properties.put("micronaut.http.services.dts.read-timeout", readTimeout.toMillis() + "ms");
            properties.put("dts-base-path", "/");
            properties.put("dts.client.signature-algorithm", signatureAlgorithm.name().toLowerCase(Locale.ROOT));
            ApplicationContext context = ApplicationContext.builder()
                    .deduceEnvironment(false)
                    .properties(properties)
                    .singletons(provider)
                    .start();
            try {
                return new DtsClient(context.getBean(DtsApi.class), new Retrier(retryPolicy), format, context);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            return d;
        }
    }
}
