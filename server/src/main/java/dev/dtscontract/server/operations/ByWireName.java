package dev.dtscontract.server.operations;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a generated model from a request's canonical values by the wire name of each property (its
 * {@code @JsonProperty}: the spec's name), never by position: a value can only land in the property of its own name.
 * Strings are taken as they are, booleans from the edge's canonical "true"/"false", enums through the generated
 * {@code fromValue}. Everything about a model is worked out once, when the emulator starts, and a model this cannot read
 * (a property without a wire name, of another type) stops the start.
 */
final class ByWireName<T> {

    private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

    private record Setter<T>(String wireName, BeanProperty<T, Object> property, Function<String, Object> convert) {
    }

    private final BeanIntrospection<T> introspection;
    private final List<Setter<T>> setters;
    private final Map<String, Setter<T>> byWireName;

    private ByWireName(BeanIntrospection<T> introspection, List<Setter<T>> setters) {
        this.introspection = introspection;
        this.setters = setters;
        Map<String, Setter<T>> index = new java.util.HashMap<>();
        setters.forEach(setter -> index.put(setter.wireName(), setter));
        this.byWireName = Map.copyOf(index);
    }

    /** The reader of a generated model, or an IllegalStateException naming what it cannot read. */
    @SuppressWarnings("unchecked")
    static <T> ByWireName<T> of(Class<T> type) {
        BeanIntrospection<T> introspection = BeanIntrospector.SHARED.findIntrospection(type)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not introspected (generated with @Serdeable?)"));
        List<Setter<T>> setters = new ArrayList<>();
        for (BeanProperty<T, Object> property : introspection.getBeanProperties()) {
            String wireName = property.stringValue(JSON_PROPERTY)
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + "." + property.getName() + " has no wire name"));
            if (property.isReadOnly()) {
                throw new IllegalStateException(type.getSimpleName() + "." + property.getName() + " cannot be set");
            }
            setters.add(new Setter<>(wireName, property, converter(type, property)));
        }
        return new ByWireName<>(introspection, List.copyOf(setters));
    }

    /**
     * The model with each property set to the value of its wire name, or left unset (null) when it has none. Walks the
     * values given (a request carries a dozen of the thirty-one), not every property; a name the model lacks is not its.
     */
    T read(Map<String, String> canonical) {
        T model = introspection.instantiate();
        for (Map.Entry<String, String> value : canonical.entrySet()) {
            Setter<T> setter = byWireName.get(value.getKey());
            if (setter != null && value.getValue() != null) {
                setter.property().set(model, setter.convert().apply(value.getValue()));
            }
        }
        return model;
    }

    /** The wire names this model reads, in its order. */
    List<String> wireNames() {
        return setters.stream().map(Setter::wireName).toList();
    }

    private static Function<String, Object> converter(Class<?> model, BeanProperty<?, Object> property) {
        Class<?> type = property.getType();
        if (type == String.class) {
            return value -> value;
        }
        if (type == Boolean.class) {
            return "true"::equals; // the edge made every boolean "true" or "false" (R-BOOLEAN)
        }
        if (type.isEnum()) {
            MethodHandle fromValue = fromValue(type);
            return value -> {
                try {
                    return fromValue.invoke(value);
                } catch (Throwable notAValue) { // the edge checked every enum value against the spec (R-ENUM)
                    throw new IllegalStateException(value + " was admitted but is no " + type.getSimpleName(), notAValue);
                }
            };
        }
        throw new IllegalStateException(model.getSimpleName() + "." + property.getName() + " is a " + type.getName()
                + ": an operation's input reads strings, booleans and enums (add the conversion here with its test)");
    }

    private static MethodHandle fromValue(Class<?> type) {
        try {
            return MethodHandles.publicLookup().findStatic(type, "fromValue", MethodType.methodType(type, String.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The generated enum " + type.getName() + " has no fromValue(String)", e);
        }
    }
}
