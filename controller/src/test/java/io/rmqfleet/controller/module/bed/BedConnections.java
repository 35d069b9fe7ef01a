package io.rmqfleet.controller.module.bed;

import io.rmqfleet.controller.connection.SshConnection;
import io.rmqfleet.controller.connection.SshSettings;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;

import java.util.List;
import java.util.Optional;

/** SSH connections to test bed hosts, with the bed's key and its known_hosts (strict host key checking). */
public final class BedConnections {

    private BedConnections() {
    }

    public static SshConnection open(TestBed bed, TestHost host) {
        return SshConnection.open(new SshSettings(host.name(), host.address(), host.sshPort(), "root",
                Optional.of(bed.privateKey()), List.of(bed.knownHosts()), false,
                SshSettings.DEFAULT_CONNECT_TIMEOUT, SshSettings.DEFAULT_KEEPALIVE));
    }
}
