package dev.dtscontract.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as UTF-8 text, at most {@code maxBytes} of it: a longer one (by its Content-Length, or as it
 * arrives) stops the read, closes the connection and fails the exchange with {@link TooLarge}, so that no endpoint can
 * make the client hold an unbounded body in memory (the JDK's own string handler has no bound).
 */
public final class BoundedBody implements HttpResponse.BodyHandler<String> {

    /** The body went past the bound; nothing more of it was read. */
    public static final class TooLarge extends IOException {
        private final int status;

        TooLarge(long maxBytes, int status) {
            super("the answer's body is larger than " + maxBytes + " bytes");
            this.status = status;
        }

        /** The answer's HTTP status. */
        public int status() {
            return status;
        }
    }

    private final long maxBytes;

    /** {@code maxBytes}: positive (DtsClient.Builder.maxResponseBytes checks it). */
    public BoundedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Subscriber(maxBytes, info.statusCode(), declared > maxBytes);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final long maxBytes;
        private final int status;
        private final boolean tooLargeAlready;
        private Flow.Subscription subscription;

        Subscriber(long maxBytes, int status, boolean tooLargeAlready) {
            this.maxBytes = maxBytes;
            this.status = status;
            this.tooLargeAlready = tooLargeAlready;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (tooLargeAlready) {
                refuse();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (out.size() + (long) item.remaining() > maxBytes) {
                    refuse();
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }
        }

        private void refuse() {
            subscription.cancel();
            result.completeExceptionally(new TooLarge(maxBytes, status));
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(out.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }
    }
}
