package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportTest {

    @TempDir
    Path folder;

    private static Map<String, Object> row(long id, String change) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("change", change);
        row.put("detail", "line\nbreak \"quoted\"");
        row.put("error_code", null);
        return row;
    }

    @Test
    void aBatchBecomesOneWholeFileOfJsonLinesNamedByItsIds() throws Exception {
        Path exports = folder.resolve("audit-export");
        new AuditExport(exports).accept(List.of(row(7, "CREATED"), row(9, "DISABLED")));
        assertThat(Files.list(exports).map(p -> p.getFileName().toString())).containsExactly("audit-7-9.jsonl");
        List<String> lines = Files.readAllLines(exports.resolve("audit-7-9.jsonl"));
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).path("change").asText()).isEqualTo("CREATED");
        assertThat(json.readTree(lines.get(1)).path("detail").asText()).isEqualTo("line\nbreak \"quoted\"");
        assertThat(json.readTree(lines.get(1)).has("error_code")).isTrue();
    }

    @Test
    void aBatchExportedAgainReplacesItsOwnFile() throws Exception {
        new AuditExport(folder).accept(List.of(row(1, "CREATED")));
        new AuditExport(folder).accept(List.of(row(1, "CREATED")));
        assertThat(Files.readAllLines(folder.resolve("audit-1-1.jsonl"))).hasSize(1);
        assertThat(Files.list(folder)).hasSize(1);
    }
}
