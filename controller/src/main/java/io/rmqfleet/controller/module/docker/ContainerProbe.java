package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.support.ShellQuote;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One remote command that tells docker_container everything it compares: {@code docker container inspect} of the
 * name, the id the wanted image reference has on the host, and {@code docker image inspect} of the image the
 * existing container runs (to tell the task's env and labels from the image's). Building and splitting the output
 * are pure.
 */
final class ContainerProbe {
    private static final String MARK = "@@rmqfleet:";

    private ContainerProbe() {
    }

    /** What the probe found, still as text (JSON where Docker prints JSON). */
    record Output(String containerJson, String containerError, String wantedImageId, String containerImageJson) {
        boolean containerExists() {
            return containerJson != null;
        }
    }

    static String command(String name, String image) {
        String n = ShellQuote.quote(name);
        return String.join("\n",
                "out=$(docker container inspect " + n + " 2>&1); rc=$?",
                "echo '" + MARK + "container'" + " \"$rc\"",
                "printf '%s\\n' \"$out\"",
                "echo '" + MARK + "image-id'",
                "docker image inspect --format '{{.Id}}' " + ShellQuote.quote(image) + " 2>/dev/null",
                "echo '" + MARK + "container-image'",
                "if [ \"$rc\" = 0 ]; then img=$(docker container inspect --format '{{.Image}}' " + n
                        + " 2>/dev/null) && docker image inspect \"$img\" 2>/dev/null; fi",
                "echo '" + MARK + "end'",
                "exit 0");
    }

    static Output parse(String stdout) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        String current = null;
        String containerRc = null;
        for (String line : stdout.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                String[] head = line.substring(MARK.length()).split(" ", 2);
                current = head[0];
                if (current.equals("container")) {
                    containerRc = head.length > 1 ? head[1].trim() : "";
                }
                sections.put(current, new StringBuilder());
                continue;
            }
            if (current != null) {
                sections.get(current).append(line).append('\n');
            }
        }
        if (!sections.containsKey("end") || containerRc == null) {
            if (DockerUnavailableException.matches(stdout)) {
                throw new DockerUnavailableException("Docker is not available on the host: " + tail(stdout));
            }
            throw new ModuleFailure("unexpected output while inspecting the container: " + tail(stdout));
        }
        String container = sections.get("container").toString().trim();
        String imageId = sections.get("image-id").toString().trim();
        String containerImage = sections.get("container-image").toString().trim();
        if ("0".equals(containerRc)) {
            return new Output(container, null, imageId.isEmpty() ? null : imageId,
                    containerImage.isEmpty() ? null : containerImage);
        }
        if (container.toLowerCase().contains("no such container") || container.toLowerCase().contains("no such object")) {
            return new Output(null, null, imageId.isEmpty() ? null : imageId, null);
        }
        if (DockerUnavailableException.matches(container)) {
            throw new DockerUnavailableException("Docker is not available on the host: " + tail(container));
        }
        throw new ModuleFailure("docker container inspect failed (rc=" + containerRc + "): " + tail(container));
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() > 400 ? "..." + t.substring(t.length() - 400) : t;
    }
}
