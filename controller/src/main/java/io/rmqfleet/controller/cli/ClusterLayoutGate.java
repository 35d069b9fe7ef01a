package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.model.RoleUse;
import io.rmqfleet.controller.rocketmq.ClusterLayout;

/**
 * Before {@code apply} touches a host: a playbook that deploys or operates a RocketMQ cluster (any play applies
 * the role {@value #MARKER_ROLE}, as playbooks/rocketmq-*.yml do) needs an inventory that describes a valid
 * cluster. Every problem is reported at once, at its inventory line, with exit code 4 (the same rules as
 * {@code verify}: one master per brokerName, slave ids and roles, port collisions, brokerIP1/brokerIP2 on the
 * broker's machine, a NameServer). Other playbooks are not concerned.
 */
final class ClusterLayoutGate {
    static final String MARKER_ROLE = "rocketmq_common";

    private ClusterLayoutGate() {
    }

    /** @throws io.rmqfleet.controller.rocketmq.InvalidLayoutException listing every problem (exit 4) */
    static void check(Playbook playbook, Inventory inventory) {
        if (deploysRocketMq(playbook)) {
            ClusterLayout.from(inventory);
        }
    }

    static boolean deploysRocketMq(Playbook playbook) {
        for (Play play : playbook.plays()) {
            for (RoleUse role : play.roles()) {
                if (MARKER_ROLE.equals(role.name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
