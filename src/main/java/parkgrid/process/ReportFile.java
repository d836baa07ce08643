package parkgrid.process;

import java.util.Objects;

/**
 * An answer that is a finished document: its bytes, media type and, for a download, the file name the api
 * gives it in {@code Content-Disposition} (any characters: the api encodes it per RFC 6266 / 5987).
 *
 * @param body      the document
 * @param mediaType e.g. {@code application/pdf}
 * @param fileName  null for an inline answer (JSON), else e.g. {@code 选址合规审查报告.pdf}
 */
public record ReportFile(byte[] body, String mediaType, String fileName) implements ProcessResult {
    public ReportFile {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
