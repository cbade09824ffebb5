package dev.dtscontract.verifier;

import dev.dtscontract.verifier.Result.Verdict;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.Rule;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reports of a run: JUnit XML (every CI shows it natively; one test case per check, failures typed by the rule they
 * broke) and a Markdown summary (per check, and per x-rules id: passed, failed with what broke, or skipped with why).
 */
public final class Reports {

    public static final String JUNIT_FILE = "TEST-dts-verifier.xml";
    public static final String MARKDOWN_FILE = "summary.md";

    /** What was verified, for the headings. */
    public record Run(String url, String signature, Instant started, long millis) {
    }

    private Reports() {
    }

    public static void write(Path dir, Run run, List<Result> results, List<Rule> rules) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(JUNIT_FILE), junit(run, results), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(run, results, rules), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static long count(List<Result> results, Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    public static String junit(Run run, List<Result> results) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "dts-verifier");
            x.writeAttribute("tests", String.valueOf(results.size()));
            x.writeAttribute("failures", String.valueOf(count(results, Verdict.FAILED)));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(count(results, Verdict.SKIPPED)));
            x.writeAttribute("time", seconds(run.millis()));
            x.writeAttribute("timestamp", run.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", ""));
            x.writeCharacters("\n  ");
            x.writeStartElement("properties");
            property(x, "url", run.url());
            property(x, "signature", run.signature());
            x.writeEndElement();
            for (Result r : results) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", r.check().action() + "." + (r.check().rule() == null ? "success" : r.check().rule()));
                x.writeAttribute("name", xmlSafe(r.check().name()));
                x.writeAttribute("time", seconds(r.millis()));
                if (r.verdict() == Verdict.FAILED) {
                    x.writeStartElement("failure");
                    x.writeAttribute("type", r.check().rule() == null ? "contract" : r.check().rule());
                    x.writeAttribute("message", xmlSafe(Verifier.oneLine(r.problems().get(0), 300)));
                    x.writeCharacters(xmlSafe(String.join("\n", r.problems())));
                    x.writeEndElement();
                } else if (r.verdict() == Verdict.SKIPPED) {
                    x.writeEmptyElement("skipped");
                    x.writeAttribute("message", xmlSafe(r.reason()));
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return out.toString();
    }

    /**
     * Whether a check's answer shows a rule: the check sends a request example of the spec whose x-satisfies names the
     * rule (or one of its cases), so a provider breaking the rule could not give the documented answer.
     */
    private static boolean showsRule(Check check, Rule rule) {
        SpecExamples.RequestExample example = SpecExamples.load().requests().stream().filter(r -> r.id().equals(check.id()))
                .findFirst().orElse(null);
        return example != null && example.satisfies().stream().anyMatch(s -> s.equals(rule.id()) || s.startsWith(rule.id() + "/"));
    }

    public static String markdown(Run run, List<Result> results, List<Rule> rules) {
        StringBuilder md = new StringBuilder();
        md.append("# Contract verification of ").append(String.join(", ", SpecContract.load().operations().keySet()))
                .append(" at ").append(run.url()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Signature %s, %s, %s s: **%d checks, %d passed, %d failed, %d skipped**.%n%n",
                run.signature(), run.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), seconds(run.millis()), results.size(), count(results, Verdict.PASSED),
                count(results, Verdict.FAILED), count(results, Verdict.SKIPPED)));
        md.append("## Checks\n\n| check | rule | signature | status | result |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append("| ").append(cell(r.check().name())).append(" | ").append(r.check().rule() == null ? "" : r.check().rule())
                    .append(" | ").append(r.check().signature()).append(r.check().why() == null ? "" : " (" + cell(r.check().why()) + ")")
                    .append(" | ").append(r.status() == 0 ? "" : r.status()).append(" | ").append(verdict(r)).append(" |\n");
        }
        md.append("\n## Rules (x-rules of the spec)\n\n| rule | error code | result | checks |\n|---|---|---|---|\n");
        for (Rule rule : rules) {
            List<Result> mine = results.stream().filter(r -> rule.id().equals(r.check().rule())).toList();
            List<Result> ran = mine.stream().filter(r -> r.verdict() != Verdict.SKIPPED).toList();
            String result;
            List<Result> shownBy = results.stream().filter(r -> r.verdict() == Verdict.PASSED && showsRule(r.check(), rule)).toList();
            if (mine.isEmpty() && rule.errorCode().isEmpty() && !shownBy.isEmpty()) {
                mine = shownBy;
                result = "passed (the accepted answers that show it)";
            } else if (mine.isEmpty()) {
                result = rule.errorCode().isEmpty() ? "skipped: a rule on what a request changes, which no answer shows"
                        : "skipped: no request example of the spec breaks it";
            } else if (ran.isEmpty()) {
                result = "skipped: " + cell(mine.get(0).reason());
            } else if (ran.stream().anyMatch(r -> r.verdict() == Verdict.FAILED)) {
                result = "**failed**: " + ran.stream().filter(r -> r.verdict() == Verdict.FAILED).map(r -> cell(r.check().name()))
                        .collect(Collectors.joining(", "));
            } else {
                result = "passed";
            }
            md.append("| ").append(rule.id()).append(" | ").append(cell(rule.errorCode())).append(" | ").append(result).append(" | ")
                    .append(mine.stream().map(r -> cell(r.check().name())).collect(Collectors.joining(", "))).append(" |\n");
        }
        List<Result> failed = results.stream().filter(r -> r.verdict() == Verdict.FAILED).toList();
        if (!failed.isEmpty()) {
            md.append("\n## Failures\n");
            for (Result r : failed) {
                md.append("\n### ").append(r.check().name()).append(r.check().rule() == null ? "" : " (" + r.check().rule() + ")")
                        .append("\n\n```\n").append(String.join("\n", r.problems()).replace("```", "'''")).append("\n```\n");
            }
        }
        return md.toString();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", xmlSafe(value));
    }

    private static String verdict(Result r) {
        return switch (r.verdict()) {
            case PASSED -> "passed";
            case FAILED -> "**failed**: " + cell(Verifier.oneLine(r.problems().get(0), 200));
            case SKIPPED -> "skipped: " + cell(r.reason());
        };
    }

    private static String cell(String text) {
        return text == null ? "" : Verifier.oneLine(text, 400).replace("|", "\\|");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Characters XML 1.0 cannot carry (a provider may answer anything) written as \\uXXXX. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.toString();
    }
}
