package io.rmqfleet.controller.module.support;

/** Octal file mode text. */
public final class FileModes {

    private FileModes() {
    }

    /** {@code 0644}-style: four octal digits. */
    public static String format(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
