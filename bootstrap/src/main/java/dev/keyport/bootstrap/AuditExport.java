package dev.keyport.bootstrap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a batch of audit rows before the store deletes them: one JSON object per line, in id order, to
 * {@code audit-<first id>-<last id>.jsonl} in the export folder. The file is written beside its name, forced to the
 * device and then moved into place, so a file that exists is whole; a batch exported again (the deletion did not
 * commit) replaces its own file.
 */
final class AuditExport implements Consumer<List<Map<String, Object>>> {

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Path folder;

    AuditExport(Path folder) {
        this.folder = folder;
    }

    @Override
    public void accept(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String name = "audit-" + rows.get(0).get("id") + "-" + rows.get(rows.size() - 1).get("id") + ".jsonl";
        Path target = folder.resolve(name);
        Path partial = folder.resolve(name + ".partial");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                for (Map<String, Object> row : rows) {
                    JSON.writeValue(out, row);
                    out.write('\n');
                }
                out.flush();
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the audit trail to " + target, e);
        }
    }
}
