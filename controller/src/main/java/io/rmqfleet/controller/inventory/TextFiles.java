package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads inventory and vars files as UTF-8 the way Ansible does; undecodable bytes are an error with a location. */
final class TextFiles {
    private TextFiles() {
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(new SourceLocation(file.toString(), 1, 1), "cannot read file: " + e.getMessage());
        }
    }

    /** The whole file as strict UTF-8 (YAML and JSON); an invalid byte is reported at its line and column. */
    static String readUtf8(Path file) {
        byte[] bytes = readBytes(file);
        try {
            return decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalidUtf8(file.toString(), bytes);
        }
    }

    /**
     * The INI reader decodes with Python's surrogateescape: invalid bytes become U+DC80..U+DCFF, harmless in
     * comment lines; the INI parser rejects them anywhere else.
     */
    static String readLenient(Path file) {
        return PythonLiteral.decodeSurrogateEscape(readBytes(file));
    }

    static boolean hasEscapedByte(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xdc80 && c <= 0xdcff && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static InputException invalidUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int bad = Math.min(in.position(), bytes.length - 1);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new InputException(new SourceLocation(file, line, bad - lineStart + 1),
            String.format("invalid UTF-8 byte 0x%02x", bytes[bad] & 0xff));
    }
}
