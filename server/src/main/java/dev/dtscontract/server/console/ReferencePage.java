package dev.dtscontract.server.console;

import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.spec.SpecExamples;

import static dev.dtscontract.server.console.Html.text;

/**
 * The API reference: Swagger UI over the spec the emulator serves (its scripts from the swagger-ui webjar in the jar),
 * and below it the rules and the error catalogue as plain HTML, which reads without JavaScript too.
 */
final class ReferencePage {

    /** The page's one inline script (allowed by its hash: {@link ConsoleHeaders}). */
    static final String INIT = "window.ui = SwaggerUIBundle({url: '/_emulator/console/openapi.yaml', dom_id: '#swagger-ui', deepLinking: true,"
            + " defaultModelsExpandDepth: 0, supportedSubmitMethods: []});";

    private ReferencePage() {
    }

    static String render() {
        StringBuilder b = new StringBuilder();
        b.append("<link rel=\"stylesheet\" href=\"/_emulator/console/styles/swagger-ui.css\">")
                .append("<p>ModifyDtsJobEndpoint, API version 2020-01-01, as this emulator reads it: ")
                .append("<a href=\"/_emulator/console/openapi.yaml\">the spec (YAML)</a>, <a href=\"#rules\">its rules</a>, ")
                .append("<a href=\"#catalogue\">its error catalogue</a>.</p>")
                .append("<section aria-label=\"Swagger UI\"><div id=\"swagger-ui\"><noscript>The interactive reference needs JavaScript; ")
                .append("the rules and the error catalogue below do not.</noscript></div></section>")
                .append("<script src=\"/_emulator/console/scripts/swagger-ui-bundle.js\"></script><script>").append(INIT)
                .append("</script>");
        b.append("<h2 id=\"rules\">Rules (x-rules)</h2><table aria-label=\"Rules\"><thead><tr><th>Rule</th><th>Error code</th>")
                .append("<th>What it says</th></tr></thead><tbody>");
        for (SpecExamples.Rule r : SpecExamples.load().rules()) {
            b.append("<tr id=\"rule-").append(text(r.id())).append("\"><td><strong>").append(text(r.id())).append("</strong></td><td><code>")
                    .append(text(r.errorCode())).append("</code></td><td>").append(text(r.text())).append("</td></tr>");
        }
        b.append("</tbody></table><h2 id=\"catalogue\">Error catalogue</h2><table aria-label=\"Error catalogue\"><thead><tr>")
                .append("<th>Code</th><th>Status</th><th>Message</th><th>Rule</th><th>Concerns</th></tr></thead><tbody>");
        for (SpecContract.CatalogueEntry c : SpecContract.catalogue()) {
            b.append("<tr><td><code>").append(text(c.code())).append("</code></td><td>").append(c.status()).append("</td><td>")
                    .append(text(c.message())).append("</td><td>").append(text(c.rule())).append("</td><td>").append(text(c.appliesTo()))
                    .append("</td></tr>");
        }
        return Html.page("API reference", "reference", b.append("</tbody></table>").toString());
    }
}
