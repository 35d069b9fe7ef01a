package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The dashboard port serves HTTP: any status below 500 counts (a login page or a redirect is a working
 * dashboard). A probe of the console's cluster API can be added next to this one.
 */
public final class HttpDashboardProbe implements DashboardProbe {
    static final String NAME = "dashboard.http";

    @Override
    public CheckResult check(DashboardNode dashboard, ClusterLayout layout, Duration timeout) {
        String target = dashboard.host() + " " + dashboard.url();
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(dashboard.url())).timeout(timeout).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status < 500 ? CheckResult.pass(NAME, target, "HTTP " + status)
                : CheckResult.fail(NAME, target, "HTTP " + status + " (server error)");
        } catch (IOException e) {
            return CheckResult.fail(NAME, target, Reasons.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(NAME, target, "interrupted");
        }
    }
}
