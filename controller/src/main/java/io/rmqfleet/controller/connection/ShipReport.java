package io.rmqfleet.controller.connection;

import java.time.Duration;
import java.util.Locale;

/**
 * What shipping one image to one host did and how long each phase took.
 *
 * @param skipped    the host already had the image with this id: nothing was transferred
 * @param cacheHit   the compressed archive came from the local cache (no {@code docker save})
 * @param bytes      size of the archive transferred (0 when skipped)
 */
public record ShipReport(
    String hostName,
    String image,
    String imageId,
    boolean skipped,
    boolean cacheHit,
    long bytes,
    Duration save,
    Duration transfer,
    Duration load) {

    static ShipReport alreadyThere(String hostName, String image, String imageId) {
        return new ShipReport(hostName, image, imageId, true, false, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** One line for logs: phases in seconds, throughput of the transfer. */
    public String summary() {
        String id = imageId.length() > 19 ? imageId.substring(0, 19) : imageId;
        if (skipped) {
            return String.format(Locale.ROOT, "%s: %s (%s) already present, nothing shipped", hostName, image, id);
        }
        double mb = bytes / 1e6;
        double seconds = Math.max(transfer.toMillis(), 1) / 1000.0;
        return String.format(Locale.ROOT,
            "%s: shipped %s (%s, %.1f MB gz): %s %.1f s, transfer %.1f s (%.0f MB/s), load %.1f s",
            hostName, image, id, mb, cacheHit ? "archive from cache, waited" : "save", save.toMillis() / 1000.0,
            seconds, mb / seconds,
            load.toMillis() / 1000.0);
    }
}
