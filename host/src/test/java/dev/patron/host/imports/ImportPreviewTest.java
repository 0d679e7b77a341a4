package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's preview: the first rows of a file, judged by the importer itself, writing nothing. */
class ImportPreviewTest {

    @TempDir
    Path dir;
    private ImportFixture fixture;
    private ImportPreview preview;

    @BeforeEach
    void open() {
        fixture = new ImportFixture(dir);
        preview = new ImportPreview(fixture.imports);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ImportPreview.Result preview(ImportOptions options, Path file) throws IOException {
        return preview.preview(file, options, ImportPreview.DEFAULT_ROWS);
    }

    @Test
    void showsTheColumnsAndRowsAndWhichRowTheImporterWouldRejectWithoutWritingAnything() throws IOException {
        Path file = fixture.file("customers.csv", "id,name,email,tier\nc-1,Ann,ann@example.com,gold\nc-2,Bo,bo@example.com,\n"
                + "c-3,Cy,not-mail,silver\n");

        ImportPreview.Result result = preview(ImportOptions.of(ImportKind.CUSTOMERS, "customers.csv"), file);

        assertThat(result.format()).isEqualTo(ImportFormat.CSV);
        assertThat(result.refused()).isNull();
        assertThat(result.columns()).extracting(ImportPreview.Column::name, ImportPreview.Column::field, ImportPreview.Column::use)
                .containsExactly(tuple("id", "id", ImportPreview.Use.FIELD), tuple("name", "name", ImportPreview.Use.FIELD),
                        tuple("email", "email", ImportPreview.Use.FIELD),
                        tuple("tier", "attributes.tier", ImportPreview.Use.ATTRIBUTE));
        assertThat(result.rows()).extracting(ImportPreview.Row::line, ImportPreview.Row::values).containsExactly(
                tuple(2L, List.of("c-1", "Ann", "ann@example.com", "gold")), tuple(3L, List.of("c-2", "Bo", "bo@example.com", "")),
                tuple(4L, List.of("c-3", "Cy", "not-mail", "silver")));
        assertThat(result.more()).isFalse();
        assertThat(result.issues()).extracting(Issue::line, Issue::column, Issue::value, Issue::code)
                .containsExactly(tuple(4L, "email", "not-mail", IssueCode.INVALID));
        assertThat(result.issues().get(0).reason()).contains("e-mail");
        assertThat(result.rejectedLines()).containsExactly(4L);
        assertThat(result.tally().customersCreated()).isEqualTo(2);
        assertThat(fixture.count("SELECT COUNT(*) FROM customers")).as("a preview writes nothing").isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM import_jobs")).as("nor records a job").isZero();
    }

    @Test
    void judgesRowsExactlyAsTheImportDoesStoredDataIncluded() throws IOException {
        fixture.customers("c-1");
        Path file = fixture.file("orders.csv", """
                id,customerId,placedAt,amount
                o-1,c-1,2026-01-02T10:00:00Z,10.00
                o-2,c-404,2026-01-02T10:00:00Z,10.00
                o-3,c-1,yesterday,10.00
                o-4,c-1,2026-01-03T10:00:00Z,10.001
                o-1,c-1,2026-01-02T10:00:00Z,10.00
                o-5,c-1,2026-01-04T10:00:00Z
                """);
        ImportOptions options = ImportOptions.of(ImportKind.ORDERS, "orders.csv");

        ImportPreview.Result result = preview(options, file);
        ImportStatus imported = fixture.run(options.withDryRun(true), file);

        assertThat(result.issues()).as("the preview and a dry run of the same rows say the same")
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(imported.firstIssues());
        assertThat(result.issues()).extracting(Issue::line, Issue::code).containsExactlyInAnyOrder(
                tuple(3L, IssueCode.UNKNOWN_CUSTOMER), tuple(4L, IssueCode.INVALID), tuple(5L, IssueCode.INVALID),
                tuple(7L, IssueCode.MALFORMED_ROW));
        assertThat(result.tally().ordersCreated()).isEqualTo(imported.written().ordersCreated()).isEqualTo(1);
        assertThat(result.tally().ordersUnchanged()).isEqualTo(imported.written().ordersUnchanged()).isEqualTo(1);
        assertThat(result.rows().get(5).problem()).contains("has 3 values but the header has 4 columns");
    }

    @Test
    void checksOnlyTheFirstRowsAndKeepsTheFilesLineNumbers() throws IOException {
        StringBuilder text = new StringBuilder("id,name,email\n\nc-1,\"Ann\nSmith\",ann@example.com\n");
        for (int i = 2; i <= 30; i++) {
            text.append("c-").append(i).append(",N").append(i).append(',').append(i == 10 ? "bad" : "n" + i + "@example.com")
                    .append('\n');
        }
        text.append("c-31,Late,also-bad\n");
        Path file = fixture.file("customers.csv", text.toString());

        ImportPreview.Result result = preview.preview(file, ImportOptions.of(ImportKind.CUSTOMERS, "customers.csv"), 10);

        assertThat(result.rows()).hasSize(10);
        assertThat(result.more()).isTrue();
        assertThat(result.rows().get(0).line()).as("after the header and an empty line").isEqualTo(3);
        assertThat(result.rows().get(0).values().get(1)).isEqualTo("Ann\nSmith");
        assertThat(result.rows().get(1).line()).as("the quoted line break counts").isEqualTo(5);
        assertThat(result.issues()).extracting(Issue::line, Issue::value).containsExactly(tuple(13L, "bad"));
        assertThat(result.tally().customersCreated()).isEqualTo(9);
    }

    @Test
    void chosenColumnsBecomeRenamesAndEveryOtherColumnIsDropped() throws IOException {
        Path file = fixture.file("export.csv", "Order No,Buyer,When,Total,Note\nA-1,c-1,2026-01-02,12.50,gift\n");
        fixture.customers("c-1");
        List<String> columns = preview.columns(file, ImportOptions.of(ImportKind.ORDERS, "export.csv"));
        assertThat(columns).containsExactly("Order No", "Buyer", "When", "Total", "Note");
        assertThat(ImportPreview.automatic(ImportKind.ORDERS, null, Map.of(), columns)).as("no column is named like a field").isEmpty();

        ImportPreview.Result refused = preview(ImportOptions.of(ImportKind.ORDERS, "export.csv"), file);
        assertThat(refused.refused()).contains("column 'Order No' is not a field of orders", "no column gives 'customerId'");
        assertThat(refused.issues()).isEmpty();

        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("id", "Order No");
        choices.put("customerId", "Buyer");
        choices.put("placedAt", "When");
        choices.put("amount", "Total");
        choices.put("channel", "");
        Map<String, String> renames = ImportPreview.renames(ImportKind.ORDERS, null, columns, choices);
        assertThat(renames).containsExactly(Map.entry("Order No", "id"), Map.entry("Buyer", "customerId"), Map.entry("When", "placedAt"),
                Map.entry("Total", "amount"), Map.entry("Note", "-"));

        ImportPreview.Result result = preview(ImportOptions.of(ImportKind.ORDERS, "export.csv").withRenames(renames), file);
        assertThat(result.refused()).isNull();
        assertThat(result.columnOfField()).containsExactly(Map.entry("id", "Order No"), Map.entry("customerId", "Buyer"),
                Map.entry("placedAt", "When"), Map.entry("amount", "Total"));
        assertThat(result.columns()).extracting(ImportPreview.Column::use).containsExactly(ImportPreview.Use.FIELD,
                ImportPreview.Use.FIELD, ImportPreview.Use.FIELD, ImportPreview.Use.FIELD, ImportPreview.Use.DROPPED);
        assertThat(result.issues()).isEmpty();
        assertThat(result.tally().ordersCreated()).isEqualTo(1);
    }

    @Test
    void aCustomersFileKeepsItsOtherColumnsAsAttributesUnlessTheirNamesCannotBe() {
        List<String> columns = List.of("Id", "Email", "Loyalty card", "city");
        Map<String, String> automatic = ImportPreview.automatic(ImportKind.CUSTOMERS, null, Map.of(), columns);
        assertThat(automatic).containsExactly(Map.entry("id", "Id"), Map.entry("email", "Email"));

        Map<String, String> choices = new LinkedHashMap<>(automatic);
        choices.put("email", "");
        assertThat(ImportPreview.renames(ImportKind.CUSTOMERS, null, columns, choices))
                .containsExactly(Map.entry("Id", "id"), Map.entry("Email", "-"), Map.entry("Loyalty card", "-"));
    }

    @Test
    void aBuiltInMappingFillsTheChoicesAndOffersItsAttributes() throws IOException {
        try (ImportFixture gbp = new ImportFixture(dir.resolve("gbp"), "GBP", "Europe/London")) {
            Path file = gbp.bytes("uci.csv", Files.readAllBytes(Path.of("src/test/resources/imports/uci-online-retail-slice.csv")));
            ImportOptions options = ImportOptions.of(ImportKind.ORDERS, "uci.csv").withMapping(ImportMapping.UCI_ONLINE_RETAIL);

            ImportPreview.Result result = new ImportPreview(gbp.imports).preview(file, options, 10);

            assertThat(ImportPreview.fields(ImportKind.ORDERS, ImportMapping.UCI_ONLINE_RETAIL)).contains("quantity", "unitPrice",
                    "attributes.country");
            assertThat(result.columnOfField()).containsEntry("id", "InvoiceNo").containsEntry("customerId", "CustomerID")
                    .containsEntry("attributes.country", "Country").doesNotContainKey("-");
            assertThat(result.columns()).filteredOn(c -> c.name().equals("Description"))
                    .extracting(ImportPreview.Column::use).containsExactly(ImportPreview.Use.DROPPED);
            assertThat(result.refused()).isNull();
            assertThat(result.rows()).hasSize(10);
            assertThat(result.tally().ordersCreated()).as("invoice lines grouped into orders").isPositive().isLessThan(10);
            assertThat(gbp.count("SELECT COUNT(*) FROM orders")).isZero();
        }
    }

    @Test
    void aMappingForAnotherShopCurrencyIsRefusedWithTheImportersMessage() throws IOException {
        Path file = fixture.file("uci.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");

        ImportPreview.Result result = preview(ImportOptions.of(ImportKind.ORDERS, "uci.csv").withMapping(ImportMapping.UCI_ONLINE_RETAIL),
                file);

        assertThat(result.refused()).contains("mapping uci-online-retail reads amounts in GBP but the shop currency is USD");
    }

    @Test
    void aFileInAnotherEncodingIsRefusedUntilItsEncodingIsChosen() throws IOException {
        Charset latin = Charset.forName("windows-1252");
        Path file = fixture.file("customers.csv", "id,name\nc-1,Zoë\n", latin);
        ImportOptions options = ImportOptions.of(ImportKind.CUSTOMERS, "customers.csv");

        assertThat(preview(options, file).refused()).contains("line 2 is not valid UTF-8 text");
        ImportPreview.Result chosen = preview(options.withCharset(latin), file);
        assertThat(chosen.refused()).isNull();
        assertThat(chosen.rows().get(0).values()).containsExactly("c-1", "Zoë");
        assertThat(chosen.tally().customersCreated()).isEqualTo(1);
    }

    @Test
    void readsGzipAndNdjson() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("""
                    {"id":"c-1","name":"Ann","attributes":{"tier":"gold"}}

                    {"id":"c-2","email":"not-mail"}
                    not json
                    """.getBytes(StandardCharsets.UTF_8));
        }
        Path file = fixture.bytes("customers.ndjson.gz", zipped.toByteArray());

        ImportPreview.Result result = preview(ImportOptions.of(ImportKind.CUSTOMERS, "customers.ndjson.gz"), file);

        assertThat(result.format()).isEqualTo(ImportFormat.NDJSON);
        assertThat(result.mappable()).isFalse();
        assertThat(result.columns()).extracting(ImportPreview.Column::name).containsExactly("id", "name", "attributes", "email");
        assertThat(result.rows()).extracting(ImportPreview.Row::line).containsExactly(1L, 3L, 4L);
        assertThat(result.rows().get(0).values()).containsExactly("c-1", "Ann", "{\"tier\":\"gold\"}", "");
        assertThat(result.issues()).extracting(Issue::line, Issue::code)
                .containsExactly(tuple(3L, IssueCode.INVALID), tuple(4L, IssueCode.MALFORMED_ROW));
        assertThat(result.tally().customersCreated()).isEqualTo(1);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = fixture.file("empty.csv", "\n\n");

        assertThat(preview(ImportOptions.of(ImportKind.CUSTOMERS, "empty.csv"), file).refused())
                .isEqualTo("empty.csv is empty: a CSV import starts with a header line");
    }
}
