package uk.dapp.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of a collection's documents: each document kept as BSON, the wire's own format.
 * The stock backend keeps them with H2's generic object type, which writes every document with
 * Java serialisation through a stream of its own (class descriptors included, every time), and a
 * commit writes every document of each page it touched: one audit record committed rewrote up to
 * a page of its neighbours that way. A document written so by an earlier release is still read,
 * and is written as BSON when its page is next written.
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    /** Marks a BSON value; H2's object type begins each value with a tag below 128, never this. */
    private static final byte BSON = (byte) 0xB5;

    private static final ObjectDataType JAVA_SERIALISED = new ObjectDataType();

    /**
     * A document decoded takes about five times its BSON size on the heap (about 2,000 bytes for
     * an audit record of 355); H2's object type estimated twice its Java-serialised size (about
     * 1,500). Four times a running average of the BSON size keeps the page cache's accounting and
     * the pages' splitting, both driven by this estimate, near where they were: the BSON size
     * alone would let the cache hold five times the heap it counts, and pages grow larger, so
     * each commit would rewrite more documents.
     */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private volatile int averageSize = 256;

    private DocumentType() {}

    @Override
    public int getMemory(Document document) {
        return HEAP_PER_BSON_BYTE * averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize);
        BsonEncoder.encodeDocument(document, bson);
        int size = bson.readableBytes();
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
        averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return (Document) JAVA_SERIALISED.read(buffer);
        }
        // BSON begins with its own length, a little-endian int32
        int size = Integer.reverseBytes(buffer.getInt(start + 1));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start + 1, size)));
        buffer.position(start + 1 + size);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
