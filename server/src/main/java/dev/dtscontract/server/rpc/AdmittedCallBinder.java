package dev.dtscontract.server.rpc;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds an operation's {@link RpcCall} argument: the request as the edge admitted it. A request without one, which only
 * a route the edge does not guard could see, is not bound (unsatisfied: the framework refuses it), never bound to a
 * default (fail closed).
 */
@Singleton
final class AdmittedCallBinder implements TypedRequestArgumentBinder<RpcCall> {

    private static final Argument<RpcCall> TYPE = Argument.of(RpcCall.class);

    @Override
    public Argument<RpcCall> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<RpcCall> bind(ArgumentConversionContext<RpcCall> context, HttpRequest<?> source) {
        Optional<RpcCall> call = RpcCall.of(source);
        return call.isPresent() ? () -> call : BindingResult.unsatisfied();
    }
}
