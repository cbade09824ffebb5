package dev.dtscontract.server.journal;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An answer's body as the journal keeps it, written out as JSON only when the journal is read. Writing every body out
 * when recorded cost the emulator about 4% of its CPU under load (a profile of the bench's dryrun case), for a journal
 * read a few times per test; keeping the body object instead kept a request's objects alive in the ring. So a model
 * whose properties are all String or Boolean, and whose constructor takes properties (the spec's answers), is kept as
 * the text of its values ({@link Values}) and built again when read; any other body is written out at once ({@link Json}).
 */
public sealed interface JournalAnswer {

    /** The answer as JSON, written with {@code json} if it is kept as values. */
    String json(Function<Object, String> json);

    /** The same answer with every text value cut to {@code limits} (JournalLimits#answerText). */
    JournalAnswer cut(JournalLimits limits);

    /** A body written out when recorded. */
    record Json(String text) implements JournalAnswer {
        @Override
        public String json(Function<Object, String> json) {
            return text;
        }

        @Override
        public JournalAnswer cut(JournalLimits limits) {
            String shown = limits.answerText(text);
            return shown == text ? this : new Json(shown);
        }
    }

    /** A model's property values as text, in its property order. */
    record Values(Class<?> model, List<String> values) implements JournalAnswer {
        @Override
        public String json(Function<Object, String> json) {
            return json.apply(body());
        }

        @Override
        public JournalAnswer cut(JournalLimits limits) {
            List<String> shown = new ArrayList<>(values.size());
            boolean changed = false;
            for (String value : values) {
                String cut = limits.answerText(value);
                changed |= cut != value;
                shown.add(cut);
            }
            return changed ? new Values(model, shown) : this;
        }

        /** The model built again, equal in every property to the body it was taken from. */
        Object body() {
            BeanIntrospection<Object> introspection = KEPT_AS_VALUES.get(model)
                    .orElseThrow(() -> new IllegalStateException(model + " is not kept as values"));
            List<BeanProperty<Object, Object>> properties = new ArrayList<>(introspection.getBeanProperties());
            Map<String, Object> typed = new HashMap<>();
            for (int i = 0; i < properties.size(); i++) {
                BeanProperty<Object, Object> property = properties.get(i);
                typed.put(property.getName(), typed(property.getType(), values.get(i)));
            }
            Argument<?>[] constructor = introspection.getConstructorArguments();
            Object[] arguments = new Object[constructor.length];
            for (int i = 0; i < constructor.length; i++) {
                arguments[i] = typed.get(constructor[i].getName());
            }
            Object body = introspection.instantiate(arguments);
            for (BeanProperty<Object, Object> property : properties) {
                if (!property.isReadOnly()) {
                    property.set(body, typed.get(property.getName()));
                }
            }
            return body;
        }
    }

    ClassValue<Optional<BeanIntrospection<Object>>> KEPT_AS_VALUES = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected Optional<BeanIntrospection<Object>> computeValue(Class<?> type) {
            return BeanIntrospector.SHARED.findIntrospection((Class<Object>) type).filter(JournalAnswer::textAndBooleansOnly);
        }
    };

    /** What the journal shows for an answer it could not write as JSON: said, not left out as if there were none. */
    static final String UNWRITABLE = "{\"JournalNote\":\"The answer could not be written as JSON.\"}";

    /** Writes a body out as JSON with {@code mapper}; a body it cannot write is {@link #UNWRITABLE}, never nothing. */
    static Function<Object, String> writer(JsonMapper mapper) { // public: an interface's static method
        return body -> {
            try {
                return mapper.writeValueAsString(body);
            } catch (IOException unwritable) {
                return UNWRITABLE;
            }
        };
    }

    /** How the journal keeps {@code body}: as its values if its model allows, else written out with {@code json} now. */
    static JournalAnswer of(Object body, Function<Object, String> json) {
        Optional<BeanIntrospection<Object>> introspection = KEPT_AS_VALUES.get(body.getClass());
        if (introspection.isEmpty()) {
            return new Json(json.apply(body));
        }
        List<String> values = new ArrayList<>();
        for (BeanProperty<Object, Object> property : introspection.get().getBeanProperties()) {
            Object value = property.get(body);
            values.add(value == null ? null : value.toString());
        }
        return new Values(body.getClass(), values);
    }

    private static Object typed(Class<?> type, String value) {
        return value == null || type == String.class ? value : Boolean.valueOf(value);
    }

    private static boolean textAndBooleansOnly(BeanIntrospection<Object> introspection) {
        Predicate<Class<?>> simple = type -> type == String.class || type == Boolean.class;
        List<String> names = introspection.getBeanProperties().stream().map(BeanProperty::getName).toList();
        return introspection.getBeanProperties().stream().allMatch(p -> simple.test(p.getType()) && !p.isWriteOnly())
                && Arrays.stream(introspection.getConstructorArguments()).allMatch(a -> names.contains(a.getName()) && simple.test(a.getType()));
    }
}
