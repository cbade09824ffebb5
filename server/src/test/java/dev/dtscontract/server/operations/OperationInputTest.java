package dev.dtscontract.server.operations;

import dev.dtscontract.server.domain.Actor;
import dev.dtscontract.server.domain.ModifyEndpointCommand;
import dev.dtscontract.server.model.Endpoint;
import dev.dtscontract.server.model.EndpointInstanceType;
import dev.dtscontract.server.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.server.model.SynchronizationDirection;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operation's typed input is read by wire name, and what the spec requires reaches the command. Adding a required
 * parameter to the spec fails {@link #everyRequiredParameter_reachesTheCommand} until Commands reads it.
 */
class OperationInputTest {

    /** The parameters the edge consumes for every operation (routing, format, signature), not an operation's input. */
    private static final Set<String> PROTOCOL = Set.of("Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod",
            "SignatureVersion", "SignatureNonce", "Timestamp", "SecurityToken");
    private static final Map<String, ParameterDefinition> SPEC = SpecContract.load().parameters();
    private static final ByWireName<ModifyDtsJobEndpointRequest> INPUT = ByWireName.of(ModifyDtsJobEndpointRequest.class);
    private static final Actor CALLER = new Actor.Account("account", "key");

    /** A canonical value of a parameter, the n-th one its definition allows. */
    private static String value(ParameterDefinition definition, int n) {
        if ("boolean".equals(definition.type())) {
            return n % 2 == 0 ? "true" : "false";
        }
        if (!definition.enumValues().isEmpty()) {
            return definition.enumValues().get(n % definition.enumValues().size());
        }
        return definition.name() + "-" + n;
    }

    private static Map<String, String> every(int n) {
        Map<String, String> values = new TreeMap<>();
        SPEC.values().forEach(d -> values.put(d.name(), value(d, n)));
        return values;
    }

    /** Every value a command holds, by accessor, to compare two commands. */
    private static Map<String, String> described(ModifyEndpointCommand command) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Method accessor : ModifyEndpointCommand.class.getDeclaredMethods()) {
            if (accessor.getParameterCount() == 0 && java.lang.reflect.Modifier.isPublic(accessor.getModifiers())
                    && !java.lang.reflect.Modifier.isStatic(accessor.getModifiers())) {
                Object value = accessor.invoke(command);
                // A Secret shows nothing of its value; whether it is set is what can be compared (the two inputs compared
                // differ in one parameter only, never in a secret's value).
                out.put(accessor.getName(), value instanceof dev.dtscontract.server.domain.Secret ? "secret set" : String.valueOf(value));
            }
        }
        return out;
    }

    @Test
    void theInput_readsEverySpecParameter_byItsWireName() {
        java.util.TreeSet<String> expected = new java.util.TreeSet<>(SPEC.keySet());
        expected.add("Signature"); // in a query the RPC signature is its security scheme's parameter; a form carries it as a field
        assertEquals(expected, new java.util.TreeSet<>(INPUT.wireNames()), "the form schema (x-input) and the query parameters list the same names");
        Map<String, String> values = new LinkedHashMap<>(every(1));
        values.put("Endpoint", "dest");
        values.put("EndpointInstanceType", "polardb");
        values.put("SynchronizationDirection", "Reverse");
        ModifyDtsJobEndpointRequest input = INPUT.read(values);
        assertEquals("DtsJobId-1", input.getDtsJobId());
        assertEquals("DtsInstanceId-1", input.getDtsInstanceId());
        assertEquals("Password-1", input.getPassword());
        assertEquals(Endpoint.DEST, input.getEndpoint());
        assertEquals(EndpointInstanceType.POLARDB, input.getEndpointInstanceType());
        assertEquals(SynchronizationDirection.REVERSE, input.getSynchronizationDirection());
        assertEquals(Boolean.FALSE, input.getDryRun());
        assertEquals(Boolean.TRUE, INPUT.read(Map.of("DryRun", "true")).getDryRun());
        assertNull(INPUT.read(Map.of()).getDtsJobId(), "absent stays absent");
    }

    @Test
    void aValueTheEdgeWouldNotAdmit_isADefect_notADefault() {
        assertThrows(IllegalStateException.class, () -> INPUT.read(Map.of("Endpoint", "sideways")));
    }

    @Test
    void everyRequiredParameter_reachesTheCommand() throws Exception {
        List<String> unread = new ArrayList<>();
        for (ParameterDefinition required : SPEC.values()) {
            if (!required.required() || PROTOCOL.contains(required.name())) {
                continue;
            }
            Map<String, String> one = every(0);
            Map<String, String> other = every(0);
            other.put(required.name(), value(required, 1));
            if (described(Commands.from(INPUT.read(one), CALLER, "r")).equals(described(Commands.from(INPUT.read(other), CALLER, "r")))) {
                unread.add(required.name());
            }
        }
        assertEquals(List.of(), unread, "required by the spec, but no value of theirs changes the command");
        assertTrue(SPEC.values().stream().anyMatch(d -> d.required() && !PROTOCOL.contains(d.name())), "some parameter is required");
    }

    @Test
    void theCommand_carriesTheCallerAndTheRequestId() throws Exception {
        ModifyEndpointCommand command = Commands.from(INPUT.read(every(0)), CALLER, "request-7");
        assertEquals(CALLER, command.actor());
        assertEquals("request-7", command.requestId());
        assertNotEquals(described(command), described(Commands.from(INPUT.read(every(1)), CALLER, "request-7")));
    }

    @Test
    void theHandlersInputTypes_areTheModelsTheirXInputNames() {
        assertEquals(Set.of(ModifyDtsJobEndpointRequest.class, dev.dtscontract.server.model.DescribeDtsJobDetailRequest.class),
                OperationInputs.inputTypes());
    }
}
