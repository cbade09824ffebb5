package dev.dtscontract.server.console;

import dev.dtscontract.server.control.model.JournalEntry;

import java.util.List;
import java.util.Map;

import static dev.dtscontract.server.console.Html.text;
import static dev.dtscontract.server.console.Html.url;

/** The journal as pages: the list, newest first, with its filter, and one request with its parameters and answer. */
final class RequestsPage {

    /**
     * Polls the same URL every two seconds and swaps the rows in, while "Live" is checked. The page's one inline script
     * (allowed by its hash: {@link ConsoleHeaders}).
     */
    static final String LIVE = """
            (function () {
              const live = document.getElementById('live');
              setInterval(async function () {
                if (!live.checked) return;
                try {
                  const page = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
                  document.getElementById('entries').replaceWith(page.getElementById('entries'));
                  document.getElementById('shown').replaceWith(page.getElementById('shown'));
                } catch (e) { /* the emulator stopped: keep what is shown */ }
              }, 2000);
            })();
            """;

    private RequestsPage() {
    }

    static String list(List<JournalEntry> entries, long recorded, String job, String code, String caller) {
        StringBuilder b = new StringBuilder();
        b.append("<form class=\"filter\" method=\"get\" action=\"/_emulator/console/requests\" aria-label=\"Filter requests\">")
                .append(field("job", "Job (DtsJobId or DtsInstanceId)", job))
                .append(field("code", "Code (OK for none)", code))
                .append(field("caller", "Caller (account or AccessKey)", caller))
                .append("<button type=\"submit\">Filter</button>")
                .append("<label style=\"flex-direction:row;gap:.3em\"><input type=\"checkbox\" id=\"live\" checked> Live</label></form>");
        b.append("<p id=\"shown\">").append(entries.size()).append(" shown, newest first, of ").append(recorded)
                .append(" recorded since the journal was last emptied.</p>");
        b.append("<table aria-label=\"Requests\"><thead><tr><th>Request</th><th>Time</th><th>Method</th><th>Signature</th><th>Caller</th>")
                .append("<th>Action</th><th>Job</th><th>Outcome</th><th>Code</th><th>Rule</th><th>Status</th></tr></thead>")
                .append("<tbody id=\"entries\">");
        for (JournalEntry e : entries) {
            b.append("<tr data-request-id=\"").append(text(e.getRequestId())).append("\"><td class=\"nowrap\"><a href=\"/_emulator/console/requests/")
                    .append(url(e.getRequestId())).append("\" aria-label=\"Request ").append(text(e.getRequestId())).append("\">")
                    .append(text(e.getRequestId())).append("</a></td><td class=\"nowrap\"><time datetime=\"")
                    .append(text(e.getTime())).append("\">").append(text(clock(e.getTime()))).append("</time>")
                    .append("</td><td>").append(text(e.getMethod())).append("</td><td>").append(text(e.getSignature()))
                    .append("</td><td>").append(text(caller(e))).append("</td><td>").append(text(e.getAction()))
                    .append("</td><td>").append(text(job(e))).append("</td><td>").append(text(e.getOutcome()))
                    .append("</td><td class=\"").append(e.getCode() == null ? "ok" : "err").append("\">")
                    .append(text(e.getCode() == null ? "OK" : e.getCode())).append("</td><td>").append(text(e.getRule()))
                    .append("</td><td>").append(e.getStatus()).append("</td></tr>");
        }
        b.append("</tbody></table><script>").append(LIVE).append("</script>");
        return Html.page("Requests", "requests", b.toString());
    }

    static String one(JournalEntry e) {
        StringBuilder b = new StringBuilder("<table aria-label=\"Request\"><tbody>");
        row(b, "Request id", e.getRequestId());
        row(b, "Time", e.getTime());
        row(b, "Method and path", e.getMethod() + " " + e.getPath());
        row(b, "Signature", e.getSignature());
        row(b, "AccessKey", e.getAccessKeyId());
        row(b, "Caller (account)", e.getCaller());
        row(b, "Action", e.getAction());
        row(b, "Job", job(e));
        row(b, "Outcome", e.getOutcome());
        row(b, "Status", e.getStatus());
        row(b, "Code", e.getCode() == null ? "OK" : e.getCode());
        row(b, "Rule", e.getRule());
        b.append("</tbody></table><h2>Parameters</h2><table aria-label=\"Parameters\"><thead><tr><th>Name</th><th>Value as sent</th>")
                .append("</tr></thead><tbody>");
        for (Map.Entry<String, String> p : e.getParameters().entrySet()) {
            b.append("<tr><td>").append(text(p.getKey())).append("</td><td><code>").append(text(p.getValue())).append("</code></td></tr>");
        }
        b.append("</tbody></table><h2>Answer</h2><pre aria-label=\"Answer\">")
                .append(text(e.getResponse() == null ? "(none: the connection was closed without an answer)" : e.getResponse()))
                .append("</pre><p><a href=\"/_emulator/console/requests\">All requests</a></p>");
        return Html.page("Request " + e.getRequestId(), "requests", b.toString());
    }

    static boolean matches(JournalEntry e, String code, String caller) {
        boolean codeOk = code == null || code.isBlank() || (code.equals("OK") ? e.getCode() == null : code.equals(e.getCode()));
        boolean callerOk = caller == null || caller.isBlank() || caller.equals(e.getCaller()) || caller.equals(e.getAccessKeyId());
        return codeOk && callerOk;
    }

    /** 2026-11-28T04:00:47.776319165Z as 04:00:47.776 (UTC; the full instant is the element's datetime). */
    private static String clock(String instant) {
        int t = instant.indexOf('T');
        String time = instant.substring(t + 1, instant.length() - 1);
        return time.length() > 12 ? time.substring(0, 12) : time;
    }

    private static String caller(JournalEntry e) {
        if (e.getCaller() == null) {
            return e.getAccessKeyId();
        }
        return e.getCaller() + (e.getAccessKeyId() == null ? "" : " (" + e.getAccessKeyId() + ")");
    }

    private static String job(JournalEntry e) {
        return e.getDtsJobId() != null ? e.getDtsJobId() : e.getDtsInstanceId();
    }

    private static String field(String name, String label, String value) {
        return "<label>" + text(label) + "<input name=\"" + name + "\" value=\"" + text(value) + "\"></label>";
    }

    private static void row(StringBuilder b, String name, Object value) {
        b.append("<tr><th scope=\"row\">").append(text(name)).append("</th><td>").append(text(value)).append("</td></tr>");
    }
}
