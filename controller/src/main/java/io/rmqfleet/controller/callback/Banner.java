package io.rmqfleet.controller.callback;

/** Ansible's section headers: the text, a space, then stars up to column 80 (at least three). */
final class Banner {
    private static final int COLUMNS = 79;

    private Banner() {
    }

    static String of(String text) {
        String msg = text.strip();
        int stars = Math.max(3, COLUMNS - msg.length());
        return msg + " " + "*".repeat(stars);
    }
}
