package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules by which docs/http-api.md shows answers, and how its examples are found. */
class ExpectedBodyTest {

    @TempDir
    Path dir;

    @Test
    void jsonMatchesTheKeysAndValuesShownAndIgnoresTheRest() {
        String answer = "{\"id\":\"o-1\",\"status\":\"created\",\"amount\":129.9,\"lines\":[{\"sku\":\"T-01\"},{\"sku\":\"T-02\"}],\"at\":\"2026-11-23T09:00:01Z\"}";

        assertThat(ExpectedBody.mismatches("{\"id\":\"o-1\",\"amount\":129.90,\"lines\":[{\"sku\":\"T-01\"}],\"at\":\"2026-11-23T…\"}",
                answer)).isEmpty();
        assertThat(ExpectedBody.mismatches("{\"id\":\"…\",\"lines\":[]}", answer)).isEmpty();
        assertThat(ExpectedBody.mismatches("{\"status\":\"unchanged\",\"total\":\"…\",\"lines\":[{},{},{}],\"at\":\"2027…\"}", answer))
                .containsExactly("$.status: expected \"unchanged\" but got \"created\"",
                        "$.total: missing (the answer has [id, status, amount, lines, at])",
                        "$.lines: expected at least 3 elements but got 2",
                        "$.at: expected a string starting with '2027' but got \"2026-11-23T09:00:01Z\"");
        assertThat(ExpectedBody.mismatches("{\"id\":\"o-1\"}", "Internal error")).singleElement().asString().startsWith("the answer is not JSON");
    }

    @Test
    void ndjsonAndCsvMatchTheirFirstLines() {
        String ndjson = "{\"kind\":\"earn\",\"points\":129}\n{\"kind\":\"reverse\",\"points\":-64}\n{\"kind\":\"redeem\"}\n";
        assertThat(ExpectedBody.mismatches("{\"kind\":\"earn\"}\n{\"points\":-64}", ndjson)).isEmpty();
        assertThat(ExpectedBody.mismatches("{\"kind\":\"earn\"}\n{\"points\":64}", ndjson)).containsExactly("line 2.points: expected 64 but got -64");

        String csv = "id,name\nc-1,Ann\nc-2,Bo\n";
        assertThat(ExpectedBody.mismatches("id,name\n…", csv)).isEmpty();
        assertThat(ExpectedBody.mismatches("id,name\nc-1,Ann\nc-2,Bo", csv)).isEmpty();
        assertThat(ExpectedBody.mismatches("id,name", csv)).singleElement().asString().contains("the answer has 3 lines");
        assertThat(ExpectedBody.mismatches("id,email\n…", csv)).containsExactly("line 1: expected 'id,email' but got 'id,name'");
    }

    @Test
    void examplesAreBashBlocksWithCurlEachWithTheHttpBlockAfterIt() throws IOException {
        Path doc = Files.writeString(dir.resolve("api.md"), String.join("\n",
                "# API", "## Orders", "```bash", "TOKEN=$(bin/patron tokens create --name x --role admin)", "```", "",
                "```bash", "curl -sS \"$PATRON/api/v1/orders\"", "```", "", "```http", "HTTP/1.1 201 Created",
                "Location: /api/v1/orders/o-1", "", "{\"id\":\"o-1\",", " \"status\":\"created\"}", "```", "",
                "```sh", "curl -sS \"$PATRON/health\"", "```", "Text.", "```http", "HTTP/1.1 200 OK", "```", ""));

        List<DocExample> examples = DocExample.read(doc);

        assertThat(examples).extracting(DocExample::line).containsExactly(7, 19);
        DocExample.Response created = examples.get(0).response().orElseThrow();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("location", "/api/v1/orders/o-1");
        assertThat(created.body()).isEqualTo("{\"id\":\"o-1\",\n \"status\":\"created\"}");
        assertThat(examples.get(0).heading()).isEqualTo("Orders");
        assertThat(examples.get(1).response()).as("an http block after other text is not the answer").isEmpty();
    }
}
