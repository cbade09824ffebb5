package dev.dtscontract.server.rpc;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.bind.binders.QueryValueArgumentBinder;
import io.micronaut.http.bind.binders.RequestArgumentBinder;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.bind.RequestBinderRegistry;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds the generated interface's {@code @QueryValue} arguments of an admitted request from its {@link RpcCall}, by
 * the spec name each argument carries: the request is decoded once, by the edge, and a value can only land in the
 * argument of its own name. (The controller builds its command from the RpcCall by name anyway; this keeps
 * Micronaut from decoding the query a second time and trying each absent argument as a bean, which cost more than
 * the edge itself.) A request without an RpcCall, which only a route the edge does not guard could see, is bound
 * by Micronaut's own binder.
 */
final class AdmittedCallBinder implements AnnotatedRequestArgumentBinder<QueryValue, Object> {

    /**
     * Installs the binder once the registry exists: binders passed to the registry's constructor are overridden by its
     * defaults for Micronaut's own annotations, one added afterwards replaces them.
     */
    @Singleton
    static final class Installer implements BeanCreatedEventListener<RequestBinderRegistry> {
        private final ConversionService conversion;

        Installer(ConversionService conversion) {
            this.conversion = conversion;
        }

        @Override
        public RequestBinderRegistry onCreated(BeanCreatedEvent<RequestBinderRegistry> event) {
            event.getBean().addArgumentBinder(new AdmittedCallBinder(conversion));
            return event.getBean();
        }
    }

    private final ConversionService conversion;
    private final QueryValueArgumentBinder<Object> micronauts;

    AdmittedCallBinder(ConversionService conversion) {
        this.conversion = conversion;
        this.micronauts = new QueryValueArgumentBinder<>(conversion);
    }

    @Override
    public Class<QueryValue> getAnnotationType() {
        return QueryValue.class;
    }

    @Override
    public BindingResult<Object> bind(ArgumentConversionContext<Object> context, HttpRequest<?> request) {
        return createSpecific(context.getArgument()).bind(context, request);
    }

    @Override
    public RequestArgumentBinder<Object> createSpecific(Argument<Object> argument) {
        String name = argument.getAnnotationMetadata().stringValue(QueryValue.class).filter(s -> !s.isEmpty()).orElse(argument.getName());
        Class<Object> type = argument.getType();
        boolean text = String.class.equals(type);
        RequestArgumentBinder<Object> otherwise = micronauts.createSpecific(argument);
        return (context, request) -> {
            Optional<RpcCall> call = RpcCall.of(request);
            if (call.isEmpty()) {
                return otherwise.bind(context, request);
            }
            String value = call.get().value(name);
            if (value == null) {
                return ArgumentBinder.BindingResult.empty();
            }
            Optional<Object> converted = text ? Optional.of(value) : conversion.convert(value, type);
            return () -> converted;
        };
    }
}
