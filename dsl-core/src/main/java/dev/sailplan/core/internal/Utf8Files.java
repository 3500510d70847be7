package dev.sailplan.core.internal;

import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens files as strict UTF-8 streams; {@code dev.sailplan.core.ManifestText} is its public face,
 * and validation, which the facade depends on, uses it directly.
 */
public final class Utf8Files {
  private static final int[] UTF8_BOM = {0xEF, 0xBB, 0xBF};

  private Utf8Files() {}

  /**
   * A strict UTF-8 reader of {@code file}: a UTF-8 byte order mark is skipped, UTF-16 and UTF-32
   * input is refused at once, and bytes that are not UTF-8 make the reader throw {@link
   * java.nio.charset.CharacterCodingException} where they are met.
   *
   * @param source names the file in the problem
   * @throws IOException when the file cannot be opened
   * @throws ManifestException when it is UTF-16 or UTF-32
   */
  public static Reader open(Path file, String source) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file));
    try {
      raw.mark(4);
      byte[] head = raw.readNBytes(4);
      raw.reset();
      String wide = wideEncoding(head);
      if (wide != null) {
        throw new ManifestException(List.of(new Problem(source, 0, 0, "", wideMessage(wide))));
      }
      if (startsWithBom(head)) {
        raw.skipNBytes(UTF8_BOM.length);
      }
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new BufferedReader(new InputStreamReader(raw, decoder));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** What Sailplan says about UTF-16 or UTF-32 input. */
  public static String wideMessage(String encoding) {
    return encoding
        + " input; Sailplan reads UTF-8 (convert with iconv -f "
        + encoding
        + " -t UTF-8)";
  }

  /** Whether the bytes begin with a UTF-8 byte order mark. */
  public static boolean startsWithBom(byte[] bytes) {
    return startsWith(bytes, UTF8_BOM);
  }

  /**
   * The name of the UTF-16 or UTF-32 encoding the bytes are in, or null. YAML text never begins
   * with a zero byte or a zero second byte, so zero bytes there mean a wide encoding without a byte
   * order mark.
   */
  public static String wideEncoding(byte[] b) {
    if (startsWith(b, new int[] {0x00, 0x00, 0xFE, 0xFF})
        || startsWith(b, new int[] {0xFF, 0xFE, 0x00, 0x00})) {
      return "UTF-32";
    }
    if (startsWith(b, new int[] {0xFE, 0xFF}) || startsWith(b, new int[] {0xFF, 0xFE})) {
      return "UTF-16";
    }
    if (b.length >= 4
        && ((b[0] == 0 && b[1] == 0 && b[2] == 0) || (b[1] == 0 && b[2] == 0 && b[3] == 0))) {
      return "UTF-32";
    }
    if (b.length >= 2 && (b[0] == 0 || b[1] == 0)) {
      return "UTF-16";
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, int[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
