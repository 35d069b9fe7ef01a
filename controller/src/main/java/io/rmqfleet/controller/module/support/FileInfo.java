package io.rmqfleet.controller.module.support;

/**
 * What a remote path is, as {@link FileProbe} found it. {@code checksum} is set for readable regular files
 * when one was asked for; {@code linkTarget} for symbolic links that were not followed.
 */
public record FileInfo(boolean exists, Type type, int mode, int uid, int gid, long size, long mtime,
                       String owner, String group, String checksum, String linkTarget, boolean parentIsDirectory) {

    public enum Type {
        FILE("file"), DIRECTORY("directory"), LINK("link"), OTHER("other"), ABSENT("absent");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        /** Ansible's word for the state: file, directory, link, absent. */
        public String word() {
            return word;
        }
    }

    public static FileInfo absent(boolean parentIsDirectory) {
        return new FileInfo(false, Type.ABSENT, 0, -1, -1, 0, 0, null, null, null, null, parentIsDirectory);
    }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** The permission bits as four octal digits, e.g. {@code 0644}. */
    public String modeString() {
        return FileModes.format(mode);
    }
}
