package dev.dtscontract.spec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * What {@link SpecContract} reads from the spec (operations, their parameters, the error catalogue), written by the
 * api-spec build beside the YAML ({@value #RESOURCE}) so that a start does not parse the 150 KB document: SnakeYAML's
 * cold parse ran from 0.19 to 0.40 s of the emulator's 0.58 s to listening ({@code -Xlog:class+load}), and without it
 * the first answer came about a tenth sooner. The build writes it from {@link SpecContract#parse}, and it names the
 * spec text it was made from (length and CRC-32): a digest of another text is not used, the YAML is parsed instead.
 * Not a second reader of the spec: this class reads only what it wrote.
 */
final class ContractDigest {

    /** Where the api-spec jar keeps the digest, beside {@link SpecContract#SPEC_RESOURCE}. */
    static final String RESOURCE = "openapi/ModifyDtsJobEndpoint.contract";

    /** Bumped whenever the layout below changes: a digest of another layout is not read. */
    private static final int FORMAT = 1;

    private ContractDigest() {
    }

    /** Writes the digest of the spec on the class path into {@code args[0]} (the build's classes directory). */
    public static void main(String[] args) throws IOException {
        String text = SpecContract.text();
        Path out = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(out.getParent());
        Files.write(out, write(SpecContract.parse(text), text));
    }

    /** The packaged digest, if the jar has one made from this text. */
    static Optional<SpecContract> packaged(String text) {
        try (InputStream in = ContractDigest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in.readAllBytes(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(SpecContract contract, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(text.length());
            out.writeLong(crc(text));
            out.writeInt(contract.operations().size());
            for (SpecContract.Operation operation : contract.operations().values()) {
                out.writeUTF(operation.action());
                out.writeUTF(operation.path());
                out.writeBoolean(operation.readOnly());
                out.writeInt(operation.parameters().size());
                for (ParameterDefinition p : operation.parameters().values()) {
                    out.writeUTF(p.name());
                    out.writeBoolean(p.required());
                    writeNullable(out, p.type());
                    out.writeInt(p.enumValues().size());
                    for (String value : p.enumValues()) {
                        out.writeUTF(value);
                    }
                    out.writeBoolean(p.caseInsensitive());
                    writeNullable(out, p.pattern() == null ? null : p.pattern().pattern());
                    out.writeInt(p.pattern() == null ? 0 : p.pattern().flags());
                    out.writeBoolean(p.secret());
                    out.writeInt(p.minLength());
                    out.writeInt(p.maxLength());
                }
            }
            out.writeInt(contract.errorExamples().size());
            for (SpecContract.CatalogueEntry e : contract.errorExamples()) {
                out.writeUTF(e.code());
                out.writeInt(e.status());
                out.writeUTF(e.message());
                writeNullable(out, e.rule());
                out.writeUTF(e.appliesTo());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string over 64 KiB: the build fails here, loudly
        }
        return bytes.toByteArray();
    }

    /** The contract a digest holds, or empty when it was made from another text or another layout, or is cut short. */
    static Optional<SpecContract> read(byte[] digest, String text) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(digest))) {
            if (in.readInt() != FORMAT || in.readInt() != text.length() || in.readLong() != crc(text)) {
                return Optional.empty();
            }
            Map<String, SpecContract.Operation> operations = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String action = in.readUTF();
                String path = in.readUTF();
                boolean readOnly = in.readBoolean();
                Map<String, ParameterDefinition> parameters = new LinkedHashMap<>();
                for (int j = in.readInt(); j > 0; j--) {
                    String name = in.readUTF();
                    boolean required = in.readBoolean();
                    String type = readNullable(in);
                    List<String> enumValues = new ArrayList<>();
                    for (int k = in.readInt(); k > 0; k--) {
                        enumValues.add(in.readUTF());
                    }
                    boolean caseInsensitive = in.readBoolean();
                    String pattern = readNullable(in);
                    int flags = in.readInt();
                    boolean secret = in.readBoolean();
                    int minLength = in.readInt();
                    int maxLength = in.readInt();
                    parameters.put(name, new ParameterDefinition(name, required, type, List.copyOf(enumValues), caseInsensitive,
                            pattern == null ? null : Pattern.compile(pattern, flags), secret, minLength, maxLength));
                }
                operations.put(action, new SpecContract.Operation(action, path, java.util.Collections.unmodifiableMap(parameters), readOnly));
            }
            List<SpecContract.CatalogueEntry> errorExamples = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String code = in.readUTF();
                int status = in.readInt();
                String message = in.readUTF();
                String rule = readNullable(in);
                String appliesTo = in.readUTF();
                errorExamples.add(new SpecContract.CatalogueEntry(code, status, message, rule, appliesTo));
            }
            if (in.read() != -1) {
                return Optional.empty(); // more than this layout writes
            }
            return Optional.of(SpecContract.of(java.util.Collections.unmodifiableMap(operations), errorExamples));
        } catch (IOException e) { // cut short (EOFException) or not modified UTF-8
            return Optional.empty();
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
