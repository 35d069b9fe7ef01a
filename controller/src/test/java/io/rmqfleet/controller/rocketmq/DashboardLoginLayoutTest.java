package io.rmqfleet.controller.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dashboard_username / dashboard_password reach the layout (for verify's login) and are never printed. */
class DashboardLoginLayoutTest {
    @TempDir
    Path dir;

    ClusterLayout load(String dashboardVars) throws IOException {
        Path file = dir.resolve("inv.yml");
        Files.writeString(file, """
            namesrv:
              hosts:
                ns1: {ansible_host: 10.213.1.11}
            broker:
              hosts:
                a0: {ansible_host: 10.213.1.11, broker_name: broker-a, broker_id: 0}
            dashboard:
              hosts:
                d1: {ansible_host: 10.213.1.11%s}
            """.formatted(dashboardVars));
        return ClusterLayout.from(Inventory.load(List.of(file)));
    }

    @Test
    void credentialsAreReadWhenBothAreSet() throws IOException {
        DashboardNode dash = load(", dashboard_username: admin, dashboard_password: s3cr3t").dashboards().get(0);
        assertThat(dash.credentials()).contains(new DashboardLogin("admin", "s3cr3t"));
        assertThat(dash.toString()).doesNotContain("s3cr3t");
        assertThat(load("").dashboards().get(0).credentials()).isEmpty();
    }

    @Test
    void onlyOneOfThemIsAnError() {
        assertThatThrownBy(() -> load(", dashboard_password: s3cr3t")).isInstanceOf(InvalidLayoutException.class)
            .hasMessageContaining("set both dashboard_username and dashboard_password, or neither")
            .hasMessageNotContaining("s3cr3t");
    }
}
