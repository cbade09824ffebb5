package dev.dtscontract.server.console;

import dev.dtscontract.server.control.model.AppliedChange;
import dev.dtscontract.server.control.model.JobEndpoint;
import dev.dtscontract.server.control.model.JobView;
import dev.dtscontract.server.control.model.State;

import java.util.List;

import static dev.dtscontract.server.console.Html.text;

/** The jobs as they are now, the seed they came from, and the reset button. */
final class JobsPage {

    private JobsPage() {
    }

    static String of(List<JobView> jobs, State state, String notice, String token) {
        StringBuilder b = new StringBuilder();
        if (notice != null) {
            b.append("<p role=\"status\" class=\"ok\">").append(text(notice)).append("</p>");
        }
        b.append("<p>Seed: <code id=\"seed\">").append(text(state.getSeed())).append("</code>; ").append(state.getJobs())
                .append(" jobs, ").append(state.getInstances()).append(" instances, ").append(state.getAccounts()).append(" accounts.</p>")
                .append("<form method=\"post\" action=\"/_emulator/console/jobs\"><input type=\"hidden\" name=\"action\" value=\"reset\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(text(token)).append("\">")
                .append("<button type=\"submit\" aria-label=\"Reset to the seed\">Reset to the seed</button></form>");
        b.append("<table aria-label=\"Jobs\"><thead><tr><th>Job</th><th>Kind</th><th>Status</th><th>Source</th><th>Destination</th>")
                .append("<th>Version</th><th>Checkpoint</th><th>Changes applied</th></tr></thead><tbody>");
        for (JobView j : jobs) {
            b.append("<tr id=\"job-").append(text(j.getDtsJobId())).append("\"><td><strong>").append(text(j.getDtsJobId()))
                    .append("</strong><br><small>").append(text(j.getDtsInstanceId())).append(", ").append(text(j.getRegion()))
                    .append(", owner ").append(text(j.getOwner())).append("</small></td><td>").append(text(j.getKind()))
                    .append("</td><td>").append(text(j.getStatusNow()))
                    .append(j.getStatusNow().equals(j.getStatus()) ? "" : "<br><small>then " + text(j.getStatus()) + "</small>")
                    .append("</td><td>").append(endpoint(j.getSource()))
                    .append("</td><td>").append(endpoint(j.getDestination())).append("</td><td class=\"version\">")
                    .append(j.getVersion()).append("</td><td>").append(text(j.getCheckpoint())).append("</td><td>")
                    .append(history(j.getHistory())).append("</td></tr>");
        }
        return Html.page("Jobs", "jobs", b.append("</tbody></table>").toString());
    }

    private static String endpoint(JobEndpoint e) {
        if (e == null) {
            return "";
        }
        String where = e.getInstanceId() != null ? e.getInstanceId() : (e.getIp() + ":" + e.getPort());
        return text(e.getType()) + " " + text(e.getEngine()) + "<br><code>" + text(where) + "</code>"
                + (e.getDatabase() == null ? "" : "<br>database " + text(e.getDatabase()))
                + (e.getUsername() == null ? "" : "<br>user " + text(e.getUsername()) + (e.getPassword() == null ? "" : " / " + text(e.getPassword())));
    }

    private static String history(List<AppliedChange> changes) {
        if (changes == null || changes.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder("<ol>");
        for (AppliedChange c : changes) {
            b.append("<li>v").append(c.getVersion()).append(" ").append(text(c.getEndpoint()))
                    .append(c.getSynchronizationDirection() == null ? "" : " (" + text(c.getSynchronizationDirection()) + ")").append(": <code>")
                    .append(text(where(c.getReplaced()))).append("</code> → <code>").append(text(where(c.getReplacement())))
                    .append("</code> <small>(").append(text(c.getTime())).append(", <a href=\"/_emulator/console/requests/")
                    .append(Html.url(c.getRequestId())).append("\">").append(text(c.getRequestId())).append("</a>)</small></li>");
        }
        return b.append("</ol>").toString();
    }

    private static String where(JobEndpoint e) {
        return e == null ? "" : e.getInstanceId() != null ? e.getInstanceId() : e.getIp() + ":" + e.getPort();
    }
}
