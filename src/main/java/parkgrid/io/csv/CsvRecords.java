package parkgrid.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: fields in double quotes may hold the delimiter, quotes doubled and line breaks;
 * CRLF or LF line ends) one at a time, and says for each field whether it was quoted.
 */
final class CsvRecords {
    /** One field: its text and whether the file quoted it. */
    record Field(String text, boolean quoted) {}

    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private int peeked = -2;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line number the next record starts on. */
    long line() {
        return line;
    }

    /** The next record, or null at the end of the file; blank lines are skipped. */
    List<Field> next() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) return null;
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') continue;
            unread(c);
            return record();
        }
    }

    private List<Field> record() throws IOException {
        List<Field> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean quoted = false, inQuotes = false;
        long start = line;
        while (true) {
            int c = read();
            if (inQuotes) {
                if (c < 0) throw new IllegalArgumentException("line " + start + ": a quoted field is not closed");
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        text.append('"');
                    } else {
                        inQuotes = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n') line++;
                    text.append((char) c);
                }
                continue;
            }
            if (c == '"' && text.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else if (c == delimiter) {
                fields.add(new Field(text.toString(), quoted));
                text.setLength(0);
                quoted = false;
            } else if (c < 0 || c == '\n' || c == '\r') {
                fields.add(new Field(text.toString(), quoted));
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') unread(d);
                }
                line++;
                return fields;
            } else {
                text.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }
}
