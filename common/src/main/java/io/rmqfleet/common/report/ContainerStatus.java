package io.rmqfleet.common.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One {@code rmqfleet.managed=true} container as the agent saw it.
 *
 * @param id           the full 64-hex container id
 * @param name         the container name without Docker's leading slash
 * @param image        the image reference the container was created from ({@code Config.Image})
 * @param imageId      the image id the container runs ({@code sha256:...})
 * @param state        Docker's {@code State.Status}
 * @param restartCount how often Docker restarted it ({@code RestartCount})
 * @param startedAt    when it last started; null when it never started
 * @param exitCode     the last exit code ({@code State.ExitCode}; 0 while it has never exited)
 * @param specHash     the {@code rmqfleet.spec-hash} label; null when absent
 * @param health       the health check status, {@link Health#NONE} without a health check
 */
public record ContainerStatus(
        String id,
        String name,
        String image,
        String imageId,
        ContainerState state,
        int restartCount,
        Instant startedAt,
        int exitCode,
        String specHash,
        Health health) {

    public ContainerStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(health, "health");
    }
}
