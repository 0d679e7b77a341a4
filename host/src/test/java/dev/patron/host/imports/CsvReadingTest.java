package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.patron.host.shop.Customer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as exports really write it: quoting, byte-order marks, CRLF, blank lines, other encodings, gzip. */
class CsvReadingTest {

    @TempDir
    Path dir;
    private ImportFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ImportFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Optional<Customer> customer(String id) {
        return fixture.store.read(c -> fixture.shop.findCustomer(c, id));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesStayExact() {
        Path file = fixture.file("customers.csv", """
                id,name,email,note
                c-1,"Lee, Ann",ann@example.com,"said ""hi""
                then left"
                c-2,Bo,not-an-email,plain
                c-3,Cy,cy@example.com,"x",extra
                c-4,Di,di@example.com,ok
                """);

        ImportStatus status = fixture.run(ImportKind.CUSTOMERS, file);

        assertThat(customer("c-1").orElseThrow().name()).isEqualTo("Lee, Ann");
        assertThat(customer("c-1").orElseThrow().attributes()).containsEntry("note", "said \"hi\"\nthen left");
        assertThat(customer("c-4")).isPresent();
        assertThat(customer("c-2")).isEmpty();
        assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::value, Issue::code).containsExactly(
                tuple(4L, "email", "not-an-email", IssueCode.INVALID),
                tuple(5L, "", "c-3,Cy,cy@example.com,x,extra", IssueCode.MALFORMED_ROW));
        assertThat(status.rowsRead()).isEqualTo(4);
        assertThat(status.written().customersCreated()).isEqualTo(2);
    }

    @Test
    void byteOrderMarkCrlfAndEmptyLinesAreHandled() {
        Path file = fixture.file("customers.csv", "\uFEFFid,name\r\n\r\nc-1,Ann\r\n\r\n \r\nc-2,\"Bo\r\nBo\"\r\n!bad,Cy\r\n");

        ImportStatus status = fixture.run(ImportKind.CUSTOMERS, file);

        assertThat(customer("c-1").orElseThrow().name()).isEqualTo("Ann");
        assertThat(customer("c-2").orElseThrow().name()).isEqualTo("Bo\r\nBo");
        assertThat(status.rowsRead()).isEqualTo(3);
        assertThat(status.firstIssues()).extracting(Issue::line, Issue::column, Issue::code)
                .containsExactly(tuple(8L, "id", IssueCode.INVALID));
    }

    @Test
    void latin1FileIsReadWithItsEncoding() {
        Path file = fixture.file("customers.csv", "id,name\nc-1,Zoë Müller\n", StandardCharsets.ISO_8859_1);

        ImportStatus status = fixture.run(ImportOptions.of(ImportKind.CUSTOMERS, "customers.csv")
                .withCharset(StandardCharsets.ISO_8859_1), file);

        assertThat(status.status()).isEqualTo("succeeded");
        assertThat(customer("c-1").orElseThrow().name()).isEqualTo("Zoë Müller");
    }

    @Test
    void latin1FileReadAsUtf8IsRefusedNamingTheLineAndTheFix() {
        Path file = fixture.file("customers.csv", "id,name\nc-1,Ann\nc-2,Zoë\n", StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> fixture.run(ImportKind.CUSTOMERS, file))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("line 3 is not valid UTF-8").hasMessageContaining("--encoding");
        assertThat(customer("c-1")).isEmpty();
    }

    @Test
    void aBadByteFarIntoTheFileFailsTheJobNamingTheLine() {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("c-").append(i).append(",Name ").append(i).append('\n');
        }
        text.append("c-x,Zoë\n");
        Path file = fixture.file("customers.csv", text.toString(), StandardCharsets.ISO_8859_1);

        ImportStatus status = fixture.run(ImportKind.CUSTOMERS, file);

        assertThat(status.status()).isEqualTo("failed");
        assertThat(status.error()).contains("line 20002 is not valid UTF-8", "--encoding", "running the import again is safe");
    }

    @Test
    void gzipIsRecognisedByItsContentWhateverTheName() throws IOException {
        byte[] gzipped = gzip("id,name\nc-1,Ann\nc-2,Bo\n");
        Path named = fixture.bytes("customers.csv.gz", gzipped);
        Path unnamed = fixture.bytes("upload", gzip("id,name\nc-3,Cy\n"));

        ImportStatus first = fixture.run(ImportKind.CUSTOMERS, named);
        ImportStatus second = fixture.run(ImportKind.CUSTOMERS, unnamed);

        assertThat(first.written().customersCreated()).isEqualTo(2);
        assertThat(second.written().customersCreated()).isEqualTo(1);
        assertThat(second.format()).isEqualTo("csv");
    }

    @Test
    void anotherDelimiterCanBeNamed() {
        Path file = fixture.file("customers.csv", "id;name;city\nc-1;Lee, Ann;Lyon\n");

        fixture.run(ImportOptions.of(ImportKind.CUSTOMERS, "customers.csv").withDelimiter(';'), file);

        assertThat(customer("c-1").orElseThrow().attributes()).containsEntry("city", "Lyon");
        assertThat(customer("c-1").orElseThrow().name()).isEqualTo("Lee, Ann");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
