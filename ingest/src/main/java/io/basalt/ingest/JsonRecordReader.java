package io.basalt.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON as COPY's {@code FORMAT AS JSON 'auto'} does: the file is a sequence of JSON
 * objects (one per line or spread over lines); each object's keys name the target columns,
 * exactly or, with {@code 'auto ignorecase'}, ignoring case. A missing key or a JSON null is
 * NULL; strings load as they are; numbers keep their text; nested objects and arrays load as
 * JSON text. Each field is laid out in {@link #raw} so that the shared converters read it.
 *
 * <p>COPY keeps this reader rather than storage.format's JSON reader, which would lose what COPY
 * promises: that reader stops at the first bad value (no MAXERROR, no STL_LOAD_ERRORS row per
 * record), always matches keys ignoring case ({@code 'auto'} is exact), rejects objects and arrays
 * for string columns, and bypasses the converters' COPY options (DATEFORMAT, TIMEFORMAT,
 * TRUNCATECOLUMNS, ACCEPTINVCHARS, ROUNDEC) and Redshift's load-error codes and reasons.
 */
final class JsonRecordReader extends RecordSource {
  private final JsonParser parser;
  private final ObjectMapper mapper;
  private final Map<String, Integer> columnIndexes = new HashMap<>();
  private final boolean ignoreCase;
  private final JsonNode[] found;
  private JsonNode current;

  JsonRecordReader(Reader in, List<String> columns, boolean ignoreCase) throws IOException {
    this.ignoreCase = ignoreCase;
    for (int i = 0; i < columns.size(); i++) {
      columnIndexes.put(key(columns.get(i)), i);
    }
    this.found = new JsonNode[columns.size()];
    // Exact decimals with their scale intact: 1.50 must not turn into 1.5 or 1.5E+0.
    this.mapper = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    this.parser = mapper.createParser(in);
  }

  @Override
  boolean next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return false;
    }
    recordLine = parser.currentTokenLocation().getLineNr();
    current = mapper.readTree(parser);
    return true;
  }

  @Override
  boolean blank() {
    return false;
  }

  @Override
  void split() throws LoadRejection {
    rawLength = 0;
    beginFields(false);
    if (current == null || !current.isObject()) {
      throw LoadRejection.row(LoadRejection.INVALID_LINE, "22P04",
          "Invalid JSON object: each record must be a JSON object", -1);
    }
    Arrays.fill(found, null);
    for (Map.Entry<String, JsonNode> field : current.properties()) {
      Integer index = columnIndexes.get(key(field.getKey()));
      if (index != null) {
        found[index] = field.getValue();
      }
    }
    for (JsonNode value : found) {
      if (value == null || value.isNull()) {
        addNullField();
        continue;
      }
      String text;
      if (value.isBigDecimal()) {
        text = value.decimalValue().toPlainString();
      } else if (value.isValueNode()) {
        text = value.asText();
      } else {
        text = value.toString();
      }
      int start = rawLength;
      appendText(text);
      // A JSON string is data as it stands: NULL AS and EMPTYASNULL never turn it into NULL.
      addField(start, rawLength, start, rawLength, value.isTextual());
    }
  }

  @Override
  String rawLine(int maxChars) {
    String text = current == null ? "" : current.toString();
    return text.length() <= maxChars ? text : text.substring(0, maxChars);
  }

  private String key(String name) {
    return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
  }

  private void appendText(String text) {
    int length = text.length();
    ensureRawCapacity(rawLength + length);
    text.getChars(0, length, raw, rawLength);
    rawLength += length;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
