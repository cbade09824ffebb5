package dev.dtscontract.server.operations;

import dev.dtscontract.server.api.DtsController;
import dev.dtscontract.server.rpc.RpcCall;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.RequestBinderRegistry;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Binds each operation's typed input (the model its {@code x-input} names) from the request the edge admitted, by wire
 * name ({@link ByWireName}). The input types are those the generated interface's handlers take, found when the emulator
 * starts; a request without an admitted call is not bound (fail closed).
 */
@Singleton
final class OperationInputs implements BeanCreatedEventListener<RequestBinderRegistry> {

    @Override
    public RequestBinderRegistry onCreated(BeanCreatedEvent<RequestBinderRegistry> event) {
        inputTypes().forEach(type -> event.getBean().addArgumentBinder(binder(type)));
        return event.getBean();
    }

    /** The input types of the generated handler interfaces: each handler method's argument that is not the call. */
    static Set<Class<?>> inputTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> handlerType : DtsController.class.getDeclaredClasses()) {
            if (!handlerType.isInterface()) {
                continue;
            }
            for (Method handler : handlerType.getDeclaredMethods()) {
                if (Modifier.isAbstract(handler.getModifiers())) {
                    for (Class<?> type : handler.getParameterTypes()) {
                        if (type != RpcCall.class) {
                            types.add(type);
                        }
                    }
                }
            }
        }
        return types;
    }

    private static <T> TypedRequestArgumentBinder<T> binder(Class<T> type) {
        ByWireName<T> reader = ByWireName.of(type);
        Argument<T> argument = Argument.of(type);
        return new TypedRequestArgumentBinder<>() {
            @Override
            public Argument<T> argumentType() {
                return argument;
            }

            @Override
            public BindingResult<T> bind(ArgumentConversionContext<T> context, HttpRequest<?> source) {
                Optional<RpcCall> call = RpcCall.of(source);
                if (call.isEmpty()) {
                    return BindingResult.unsatisfied();
                }
                Optional<T> input = Optional.of(reader.read(call.get().canonical()));
                return () -> input;
            }
        };
    }
}
