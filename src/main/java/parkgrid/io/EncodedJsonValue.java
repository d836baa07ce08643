package parkgrid.io;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A complete JSON value already encoded as UTF-8, for {@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)}:
 * the generator puts the separator before it as for any value and copies the bytes as they are. Only the unquoted UTF-8
 * forms are meaningful; the quoted ones are the text as it is, since a raw value is never quoted.
 */
final class EncodedJsonValue implements SerializableString {
    private final byte[] utf8;

    EncodedJsonValue(byte[] utf8) {
        this.utf8 = utf8;
    }

    @Override public String getValue() { return new String(utf8, StandardCharsets.UTF_8); }

    @Override public int charLength() { return getValue().length(); }

    @Override public char[] asQuotedChars() { return getValue().toCharArray(); }

    @Override public byte[] asUnquotedUTF8() { return utf8; }

    @Override public byte[] asQuotedUTF8() { return utf8; }

    @Override public int appendQuotedUTF8(byte[] buffer, int offset) { return appendUnquotedUTF8(buffer, offset); }

    @Override public int appendQuoted(char[] buffer, int offset) { return appendUnquoted(buffer, offset); }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (buffer.length - offset < utf8.length) return -1;
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        char[] chars = asQuotedChars();
        if (buffer.length - offset < chars.length) return -1;
        System.arraycopy(chars, 0, buffer, offset, chars.length);
        return chars.length;
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return writeUnquotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override public int putQuotedUTF8(ByteBuffer buffer) { return putUnquotedUTF8(buffer); }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < utf8.length) return -1;
        buffer.put(utf8);
        return utf8.length;
    }
}
