package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.ContainerStatus;
import io.vertx.core.Future;
import java.util.List;

/** The {@code rmqfleet.managed=true} containers of this host. */
public interface ContainerSource {
    Future<List<ContainerStatus>> managedContainers();
}
