package io.rmqfleet.controller.callback;

/** Per-host counters shown in the PLAY RECAP. Immutable; {@link #add(HostTaskResult)} returns a new value. */
public record HostStats(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {

    public static final HostStats ZERO = new HostStats(0, 0, 0, 0, 0, 0, 0);

    /**
     * Counts one finished task the way Ansible does: changed tasks also count as ok, ignored and rescued failures
     * count as ok plus ignored/rescued, not as failed.
     */
    public HostStats add(HostTaskResult r) {
        return switch (r.status()) {
            case OK -> new HostStats(ok + 1, changed, unreachable, failed, skipped, rescued, ignored);
            case CHANGED -> new HostStats(ok + 1, changed + 1, unreachable, failed, skipped, rescued, ignored);
            case SKIPPED -> new HostStats(ok, changed, unreachable, failed, skipped + 1, rescued, ignored);
            case UNREACHABLE -> new HostStats(ok, changed, unreachable + 1, failed, skipped, rescued, ignored);
            case FAILED -> {
                if (r.ignored()) {
                    int changedToo = Boolean.TRUE.equals(r.data().get("changed")) ? 1 : 0;
                    yield new HostStats(ok + 1, changed + changedToo, unreachable, failed, skipped, rescued, ignored + 1);
                }
                if (r.rescued()) {
                    yield new HostStats(ok, changed, unreachable, failed, skipped, rescued + 1, ignored);
                }
                yield new HostStats(ok, changed, unreachable, failed + 1, skipped, rescued, ignored);
            }
        };
    }
}
