package uk.dapp.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    private static Document everyKind() {
        return new Document("_id", new ObjectId())
                .append("caseId", "3KkjNboY8SqeeHA1")
                .append("count", 7)
                .append("total", 12_345_678_901L)
                .append("ratio", 0.25)
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("open", true)
                .append("nothing", null)
                .append("at", Instant.parse("2026-12-07T12:00:00.123Z"))
                .append("token", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .append("sealed", new BinData(new byte[] {1, 2, 3, (byte) 0xff}))
                .append("history", List.of(new Document("status", "REFERRED").append("n", 1), "free text", 3L))
                .append("nested", new Document("inner", new Document("deep", List.of())));
    }

    private static Document roundTrip(Document document) {
        WriteBuffer written = new WriteBuffer();
        DocumentType.INSTANCE.write(written, document);
        written.putInt(0x5eed); // what follows the value in a page must be left where it was
        ByteBuffer read = written.getBuffer().flip();
        Document back = DocumentType.INSTANCE.read(read);
        assertThat(read.getInt()).isEqualTo(0x5eed);
        return back;
    }

    @Test
    void aDocumentOfEveryKindOfValueReadsBackEqualInTheSameOrder() {
        Document document = everyKind();

        Document back = roundTrip(document);

        assertThat(back).isEqualTo(document);
        assertThat(new ArrayList<>(back.keySet())).isEqualTo(new ArrayList<>(document.keySet()));
        assertThat(back.get("count")).isInstanceOf(Integer.class);
        assertThat(back.get("total")).isInstanceOf(Long.class);
        assertThat(((BinData) back.get("sealed")).getData()).isEqualTo(new byte[] {1, 2, 3, (byte) 0xff});
    }

    @Test
    void aDocumentWrittenWithJavaSerialisationByAnEarlierReleaseStillReads() {
        Document document = everyKind();
        document.remove("sealed"); // compared by content below
        WriteBuffer written = new WriteBuffer();
        new ObjectDataType().write(written, document);

        Document back = DocumentType.INSTANCE.read(written.getBuffer().flip());

        assertThat(back).isEqualTo(document);
    }

    @Test
    void aStoreFileOfJavaSerialisedDocumentsOpensAndKeepsOldAndNewDocumentsSideBySide() throws Exception {
        Path file = Files.createTempDirectory("document-type").resolve("store.mv.db");
        try (MVStore before = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Document> documents = before.openMap("databases.app.people");
            for (int i = 0; i < 200; i++) {
                documents.put("p" + i, new Document("_id", "p" + i).append("area", "A" + i % 7));
            }
        }

        try (MVStore after = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Document> documents = after.openMap(
                    "databases.app.people", new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            assertThat(documents.get("p42")).isEqualTo(new Document("_id", "p42").append("area", "A0"));
            documents.put("p200", new Document("_id", "p200").append("area", "A4"));
            documents.put("p7", new Document("_id", "p7").append("area", "A0").append("moved", true));
        }
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Document> documents = reopened.openMap(
                    "databases.app.people", new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            assertThat(documents).hasSize(201);
            assertThat(documents.get("p7"))
                    .isEqualTo(new Document("_id", "p7").append("area", "A0").append("moved", true));
            assertThat(documents.get("p199")).isEqualTo(new Document("_id", "p199").append("area", "A3"));
            assertThat(documents.get("p200")).isEqualTo(new Document("_id", "p200").append("area", "A4"));
        }
    }
}
