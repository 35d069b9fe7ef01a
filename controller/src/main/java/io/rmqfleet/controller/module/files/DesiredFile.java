package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.module.support.FileAttributes;

/**
 * A remote file as a task wants it.
 *
 * @param dest           where it goes
 * @param content        its bytes
 * @param sourceLabel    where the content comes from, for the diff header (a src path or "content")
 * @param nameInDirectory the file name to use when {@code dest} turns out to be a directory; null to fail instead
 * @param attrs          owner/group/mode asked for
 * @param force          replace an existing file whose content differs (false: only create when missing)
 * @param validate       a command with {@code %s} run on the new file before it replaces the old one; or null
 */
public record DesiredFile(String dest, byte[] content, String sourceLabel, String nameInDirectory,
                          FileAttributes attrs, boolean force, String validate) {
}
