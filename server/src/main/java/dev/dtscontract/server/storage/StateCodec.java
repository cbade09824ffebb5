package dev.dtscontract.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.Engine;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobKind;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The state as JSON objects, every value by its name (a record written by one version of the emulator is read by the
 * next whatever order its code declares fields in). Secrets are written as they are: the data directory holds the
 * state, as the seed file does; no view, log or answer reads these records.
 */
final class StateCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    static byte[] bytes(ObjectNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a record", e);
        }
    }

    static ObjectNode parse(byte[] record) throws IOException {
        JsonNode node = JSON.readTree(record);
        if (!(node instanceof ObjectNode object)) {
            throw new IOException("not a JSON object: " + new String(record, 0, Math.min(record.length, 40), StandardCharsets.UTF_8));
        }
        return object;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode job(DtsJob job) {
        ObjectNode n = object();
        n.put("dtsJobId", job.dtsJobId());
        n.put("dtsInstanceId", job.dtsInstanceId());
        n.put("regionId", job.regionId());
        n.put("resourceGroupId", job.resourceGroupId());
        n.put("ownerAccountId", job.ownerAccountId());
        n.put("kind", job.kind().name());
        n.put("status", job.status());
        n.put("latencySeconds", job.latencySeconds());
        n.put("checkpoint", job.checkpoint().toString());
        n.set("source", endpoint(job.source()));
        n.set("destination", endpoint(job.destination()));
        n.put("version", job.version());
        n.put("modifyingUntil", job.modifyingUntil() == null ? null : job.modifyingUntil().toString());
        return n;
    }

    static DtsJob job(JsonNode n) {
        return new DtsJob(
                text(n, "dtsJobId"),
                text(n, "dtsInstanceId"),
                text(n, "regionId"),
                text(n, "resourceGroupId"),
                text(n, "ownerAccountId"),
                JobKind.valueOf(required(n, "kind").asText()),
                text(n, "status"),
                required(n, "latencySeconds").asInt(),
                instant(n, "checkpoint"),
                endpoint(required(n, "source")),
                endpoint(required(n, "destination")),
                required(n, "version").asLong(),
                instant(n, "modifyingUntil"));
    }

    static ObjectNode endpoint(JobEndpoint e) {
        if (e == null) {
            return null;
        }
        ObjectNode n = object();
        n.put("instanceType", e.instanceType().name());
        n.put("engine", e.engine().name());
        n.put("instanceId", e.instanceId());
        n.put("ip", e.ip());
        n.put("port", e.port());
        n.put("region", e.region());
        n.put("database", e.database());
        n.put("username", e.username());
        n.put("password", e.password() == null ? null : e.password().disclose());
        n.put("shardUsername", e.shardUsername());
        n.put("shardPassword", e.shardPassword() == null ? null : e.shardPassword().disclose());
        n.put("roleName", e.roleName());
        n.put("aliyunUid", e.aliyunUid());
        return n;
    }

    static JobEndpoint endpoint(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        JsonNode port = n.get("port");
        return new JobEndpoint(
                InstanceType.valueOf(required(n, "instanceType").asText()),
                Engine.valueOf(required(n, "engine").asText()),
                text(n, "instanceId"),
                text(n, "ip"),
                port == null || port.isNull() ? null : port.asInt(),
                text(n, "region"),
                text(n, "database"),
                text(n, "username"),
                Secret.of(text(n, "password")),
                text(n, "shardUsername"),
                Secret.of(text(n, "shardPassword")),
                text(n, "roleName"),
                text(n, "aliyunUid"));
    }

    static ObjectNode instance(DatabaseInstance i) {
        ObjectNode n = object();
        n.put("id", i.id());
        n.put("type", i.type().name());
        n.put("engine", i.engine().name());
        n.put("region", i.region());
        n.put("shards", i.shardCount());
        return n;
    }

    static DatabaseInstance instance(JsonNode n) {
        return new DatabaseInstance(text(n, "id"), InstanceType.valueOf(required(n, "type").asText()),
                Engine.valueOf(required(n, "engine").asText()), text(n, "region"), required(n, "shards").asInt());
    }

    static ObjectNode key(AccessKey k) {
        ObjectNode n = object();
        n.put("id", k.id());
        n.put("accountId", k.accountId());
        n.put("secret", k.credentials().accessKeySecret());
        n.put("enabled", k.enabled());
        n.put("securityToken", k.securityToken());
        n.put("expires", k.expires() == null ? null : k.expires().toString());
        return n;
    }

    static AccessKey key(JsonNode n) {
        return new AccessKey(text(n, "id"), text(n, "accountId"), text(n, "secret"), required(n, "enabled").asBoolean(),
                text(n, "securityToken"), instant(n, "expires"));
    }

    static ObjectNode account(Accounts.Account a) {
        ObjectNode n = object();
        n.put("id", a.id());
        n.set("keys", array(a.keys(), StateCodec::key));
        ArrayNode roles = n.putArray("roles");
        for (Accounts.Role role : a.roles()) {
            ObjectNode r = roles.addObject();
            r.put("ownerAccountId", role.ownerAccountId());
            r.put("name", role.name());
            ArrayNode granted = r.putArray("grantedTo");
            role.grantedTo().forEach(granted::add);
        }
        return n;
    }

    static Accounts.Account account(JsonNode n) {
        List<Accounts.Role> roles = new ArrayList<>();
        for (JsonNode r : required(n, "roles")) {
            LinkedHashSet<String> granted = new LinkedHashSet<>();
            required(r, "grantedTo").forEach(g -> granted.add(g.asText()));
            roles.add(new Accounts.Role(text(r, "ownerAccountId"), text(r, "name"), granted));
        }
        return new Accounts.Account(text(n, "id"), list(required(n, "keys"), StateCodec::key), roles);
    }

    static ObjectNode change(JobChange c) {
        ObjectNode n = object();
        n.put("version", c.version());
        n.put("requestId", c.requestId());
        n.put("time", c.time().toString());
        n.put("side", c.side().name());
        n.put("synchronizationDirection", c.synchronizationDirection());
        n.put("accessKeyId", c.accessKeyId());
        n.set("replaced", endpoint(c.replaced()));
        n.set("replacement", endpoint(c.replacement()));
        return n;
    }

    /** A change without the endpoint it replaced: a replay takes that from the job it applies the change to. */
    static ObjectNode changeApplied(JobChange c) {
        ObjectNode n = change(c);
        n.remove("replaced");
        return n;
    }

    static JobChange change(JsonNode n) {
        return JobChange.builder()
                .version(required(n, "version").asLong())
                .requestId(text(n, "requestId"))
                .time(instant(n, "time"))
                .side(JobSide.valueOf(required(n, "side").asText()))
                .synchronizationDirection(text(n, "synchronizationDirection"))
                .accessKeyId(text(n, "accessKeyId"))
                .replaced(endpoint(n.get("replaced")))
                .replacement(endpoint(n.get("replacement")))
                .build();
    }

    static <T> ArrayNode array(List<T> items, Function<T, ObjectNode> write) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(item -> array.add(write.apply(item)));
        return array;
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        array.forEach(item -> out.add(read.apply(item)));
        return out;
    }

    static JsonNode required(JsonNode n, String name) {
        JsonNode value = n.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }

    static String text(JsonNode n, String name) {
        JsonNode value = n.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode n, String name) {
        String text = text(n, name);
        return text == null ? null : Instant.parse(text);
    }
}
