package dev.sls4j.emulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The emulator's state on disk. Each save writes a temporary file beside the target, forces it to the device and
 * renames it over the target, so a crash leaves either the old state or the new one, never half of either.
 */
final class StateFile implements ConsumerGroups.Persistence {
  private static final JsonAdapter<ConsumerGroups.State> ADAPTER =
      new Moshi.Builder().build().adapter(ConsumerGroups.State.class).indent("  ");

  private final Path file;

  StateFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The saved state, or null when the file does not exist yet. */
  ConsumerGroups.State load() throws IOException {
    if (!Files.exists(file)) return null;
    ConsumerGroups.State state = ADAPTER.fromJson(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    if (state == null) throw new IOException(file + " holds no emulator state");
    return state;
  }

  @Override
  public void save(ConsumerGroups.State state) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(ADAPTER.toJson(state).getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes);
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The change must not be acknowledged if it was not saved: the request fails with a 500.
      throw new UncheckedIOException("cannot save emulator state to " + file, e);
    }
  }
}
