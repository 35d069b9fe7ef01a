package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import java.time.Duration;

/**
 * One check of a dashboard instance. Pluggable: the HTTP probe proves the port serves HTTP; the console's own
 * probe (its cluster API listing the brokers) can be added without touching the verifier.
 */
public interface DashboardProbe {

    CheckResult check(DashboardNode dashboard, ClusterLayout layout, Duration timeout);
}
