package dev.dtscontract.server.console;

/** The console's page frame and HTML escaping: every value shown goes through {@link #text}. */
final class Html {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430}
            header{background:#1d2430;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:center}
            header a{color:#cfe3ff;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;border-bottom:2px solid #fff}
            main{padding:1em 1.2em}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
            th,td{border-bottom:1px solid #dde3ea;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#f3f5f8}code,pre{font:12px/1.4 ui-monospace,monospace}pre{background:#f3f5f8;padding:.6em;overflow:auto}
            .ok{color:#17692f}.err{color:#a3201b}form.filter{display:flex;gap:.8em;align-items:end;flex-wrap:wrap}
            label{display:flex;flex-direction:column;font-size:12px}button{padding:.35em .9em}.nowrap{white-space:nowrap}
            """;

    private Html() {
    }

    /** A whole page: title, navigation (the current page marked), body. */
    static String page(String title, String current, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] link : new String[][] {{"reference", "API reference"}, {"requests", "Requests"}, {"jobs", "Jobs"}}) {
            nav.append("<a href=\"/_emulator/console/").append(link[0]).append('"')
                    .append(link[0].equals(current) ? " aria-current=\"page\"" : "").append('>').append(link[1]).append("</a>");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(title)
                + " · DTS emulator</title><meta name=\"viewport\" content=\"width=device-width\"><link rel=\"icon\" href=\"data:,\"><style>" + STYLE + "</style></head>"
                + "<body><header><strong>DTS emulator</strong><nav aria-label=\"Console\" style=\"display:flex;gap:1.2em\">" + nav
                + "</nav></header><main><h1>" + text(title) + "</h1>" + body + "</main></body></html>\n";
    }

    /** Text for an element or an attribute value. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A path segment or query value for a link. */
    static String url(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
