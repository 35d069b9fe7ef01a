package io.rmqfleet.controller.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rmqfleet.testbed.AnsibleInventory;
import io.rmqfleet.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Connection settings for bed hosts, read from the inventory file the bed wrote (as the controller would). */
final class BedInventory {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BedInventory() {
    }

    static SshSettings settings(TestBed bed, String hostName) {
        try {
            JsonNode vars = YAML.readTree(bed.inventory().toFile())
                .path("all").path("children").path(AnsibleInventory.GROUP).path("hosts").path(hostName);
            if (vars.isMissingNode()) {
                throw new AssertionError(hostName + " not in " + bed.inventory());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = YAML.convertValue(vars, Map.class);
            return SshSettings.fromHostVars(hostName, map, Path.of(System.getProperty("user.home")));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + bed.inventory(), e);
        }
    }

    static SshConnection open(TestBed bed, String hostName) {
        return SshConnection.open(settings(bed, hostName));
    }
}
