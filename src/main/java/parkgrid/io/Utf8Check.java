package parkgrid.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are UTF-8: how readers tell a UTF-8 file from a GBK one when nothing says. GBK text of more than
 * a few characters is almost never valid UTF-8 (its lead bytes 0x81–0xFE are followed by bytes UTF-8 forbids there).
 */
public final class Utf8Check {
    private Utf8Check() {}

    /** True when all of {@code in} (read to its end, in chunks) decodes as UTF-8 without error. */
    public static boolean isUtf8(InputStream in) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 17);
        byte[] chunk = new byte[1 << 15];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            bytes.put(chunk, 0, n).flip();
            if (d.decode(bytes, chars, false).isError()) return false;
            chars.clear();
            bytes.compact();
        }
        bytes.flip();
        if (d.decode(bytes, chars, true).isError()) return false;
        return !d.flush(chars).isError();
    }
}
