package dev.dtscontract.server.rpc;

import dev.dtscontract.server.api.AbstractDtsController;
import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverterRegistrar;
import jakarta.inject.Singleton;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Binds each enum parameter of the generated interface by its wire value, through the generated
 * {@code fromValue}. Micronaut's generic enum converter first tries {@code Enum.valueOf} on the wire value
 * ("ModifyDtsJobEndpoint" is constant MODIFY_DTS_JOB_ENDPOINT) and then variants of it, throwing and catching
 * an exception per attempt: seven enum parameters made that the largest single cost of a request. The filter
 * has already checked and canonicalised every value against the spec (R-ENUM), so the wire value is exact here;
 * an unknown one still fails binding and is answered with InvalidParameter.
 */
@Singleton
public final class SpecEnumConverters implements TypeConverterRegistrar {

    @Override
    public void register(MutableConversionService conversionService) {
        enumParameterTypes().forEach(type -> register(conversionService, type));
    }

    private static <E> void register(MutableConversionService conversionService, Class<E> type) {
        MethodHandle fromValue = fromValue(type);
        conversionService.addConverter(String.class, type, (String value) -> convert(fromValue, type, value).orElse(null));
        conversionService.addConverter(CharSequence.class, type,
                (CharSequence value) -> convert(fromValue, type, value.toString()).orElse(null));
    }

    /** The enum types that the operations of the generated interface take. */
    @SuppressWarnings("unchecked")
    static Set<Class<? extends Enum<?>>> enumParameterTypes() {
        Set<Class<? extends Enum<?>>> types = new LinkedHashSet<>();
        for (Method operation : AbstractDtsController.class.getDeclaredMethods()) {
            Arrays.stream(operation.getParameterTypes())
                    .filter(Class::isEnum)
                    .forEach(type -> types.add((Class<? extends Enum<?>>) type));
        }
        return types;
    }

    private static MethodHandle fromValue(Class<?> type) {
        try {
            return MethodHandles.publicLookup().findStatic(type, "fromValue", MethodType.methodType(type, String.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The generated enum " + type.getName() + " has no fromValue(String)", e);
        }
    }

    private static <T> Optional<T> convert(MethodHandle fromValue, Class<T> type, String value) {
        try {
            return Optional.of(type.cast(fromValue.invoke(value)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        } catch (Throwable e) {
            throw new IllegalStateException("fromValue failed on " + type.getName(), e);
        }
    }
}
