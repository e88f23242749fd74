package dev.sls4j.signing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One request the official SDK sent, as captured in {@code shared/sls/conformance/official-sdk-requests.jsonl}. */
record ConformanceRecord(String name, String method, String target, List<List<String>> headers, byte[] body) {
  static final String ACCESS_KEY_ID = "LTAI5tTestAccessKeyId";
  static final String ACCESS_KEY_SECRET = "TestAccessKeySecret0123456789ab";
  static final String REGION = "cn-hangzhou";

  static List<ConformanceRecord> load() throws IOException {
    String location = System.getProperty("sls.conformance.file");
    if (location == null) throw new IllegalStateException("system property sls.conformance.file is not set");
    Path file = Paths.get(location);
    JsonAdapter<Map<String, Object>> adapter =
        new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    List<ConformanceRecord> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      Map<String, Object> json = adapter.fromJson(line);
      @SuppressWarnings("unchecked")
      List<List<String>> headers = (List<List<String>>) json.get("headers");
      records.add(new ConformanceRecord((String) json.get("case"), (String) json.get("method"),
          (String) json.get("target"), headers, Base64.getDecoder().decode((String) json.get("body_b64"))));
    }
    if (records.isEmpty()) throw new IllegalStateException("no records in " + file.toAbsolutePath());
    return records;
  }

  String header(String name) {
    return headers.stream().filter(h -> h.get(0).equalsIgnoreCase(name)).map(h -> h.get(1)).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    return name;
  }
}
