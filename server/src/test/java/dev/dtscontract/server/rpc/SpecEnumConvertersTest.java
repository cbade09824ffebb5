package dev.dtscontract.server.rpc;

import dev.dtscontract.server.model.Action;
import dev.dtscontract.server.model.Endpoint;
import dev.dtscontract.server.model.SignatureVersion;
import io.micronaut.core.convert.MutableConversionService;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecEnumConvertersTest {

    private final MutableConversionService conversions = MutableConversionService.create();

    SpecEnumConvertersTest() {
        new SpecEnumConverters().register(conversions);
    }

    @Test
    void everyEnumOfTheGeneratedInterface_bindsEachOfItsWireValues() {
        for (Class<? extends Enum<?>> type : SpecEnumConverters.enumParameterTypes()) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String wire = constant.toString(); // the generated enums print their wire value
                assertEquals(Optional.of(constant), conversions.convert(wire, type), type.getSimpleName() + " " + wire);
            }
        }
    }

    @Test
    void wireValuesThatAreNoJavaNames_bind() {
        assertEquals(Optional.of(Action.MODIFY_DTS_JOB_ENDPOINT), conversions.convert("ModifyDtsJobEndpoint", Action.class));
        assertEquals(Optional.of(SignatureVersion._1_0), conversions.convert("1.0", SignatureVersion.class));
        assertEquals(Optional.of(Endpoint.SRC), conversions.convert("src", Endpoint.class));
    }

    @Test
    void unknownValue_doesNotBind() {
        assertTrue(conversions.convert("Bogus", Action.class).isEmpty());
    }
}
