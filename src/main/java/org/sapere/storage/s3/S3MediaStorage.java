package org.sapere.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageException;
import org.sapere.storage.StorageKey;
import org.sapere.storage.StoredContent;
import org.sapere.storage.StoredObject;
import org.sapere.storage.StoredObjectNotFoundException;
import org.sapere.storage.UnsatisfiableRangeException;
import org.sapere.storage.internal.CountingInputStream;
import org.sapere.storage.internal.Ranges;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in one bucket of an S3-compatible store, under their keys. An object of at most one part is sent with one
 * PUT; a larger or unknown-length stream goes up as a multipart upload, one part at a time (so at most one part is
 * in memory), and the upload is aborted if anything fails, so the store never shows a half-written object. S3
 * replaces an object only when its upload completes, so a failed write leaves the old object in place.
 */
public class S3MediaStorage implements MediaStorage {

    /** S3 refuses parts below 5 MiB (except the last). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private static final int MAX_PARTS = 10_000;
    private static final String PROBE_PREFIX = ".sapere-probe/";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    public S3MediaStorage(S3Client s3, String bucket, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("Part size " + partSize + " is below S3's minimum of 5 MiB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    /** Creates the bucket if it does not exist (for development stores; production buckets are made by ops). */
    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public StoredObject put(StorageKey key, InputStream content, long length, String contentType) {
        if (length != UNKNOWN_LENGTH && length > (long) partSize * MAX_PARTS) {
            throw new StorageException("Cannot store '" + key + "': " + length + " bytes is more than " + MAX_PARTS
                    + " parts of " + partSize + " bytes");
        }
        var counting = new CountingInputStream(content);
        try {
            // readNBytes grows its buffer as bytes arrive: a small object never costs a whole part of memory, a large
            // one costs one part's buffer, reused for every part.
            var first = counting.readNBytes(partSize);
            if (first.length < partSize) {
                checkLength(key, length, first.length);
                s3.putObject(
                        b -> b.bucket(bucket).key(key.value()).contentType(contentType),
                        RequestBody.fromInputStream(new ByteArrayInputStream(first), first.length));
            } else {
                uploadInParts(key, first, counting, length, contentType);
            }
        } catch (IOException | SdkException e) {
            throw new StorageException("Cannot store '" + key + "': " + e, e);
        }
        return find(key).orElseThrow(() -> new StorageException("'" + key + "' vanished right after it was stored"));
    }

    private void uploadInParts(
            StorageKey key, byte[] buffer, CountingInputStream content, long length, String contentType)
            throws IOException {
        var uploadId = s3.createMultipartUpload(
                        b -> b.bucket(bucket).key(key.value()).contentType(contentType))
                .uploadId();
        try {
            var parts = new ArrayList<CompletedPart>();
            // The first part is already in the buffer; each next one is read into the same buffer.
            for (var filled = buffer.length; filled > 0; filled = content.readNBytes(buffer, 0, buffer.length)) {
                var number = parts.size() + 1;
                if (length != UNKNOWN_LENGTH && content.count() > length) {
                    checkLength(key, length, content.count()); // more than announced: stop sending now
                }
                if (number > MAX_PARTS) {
                    throw new StorageException("Cannot store '" + key + "': more than " + MAX_PARTS + " parts");
                }
                var size = filled;
                var etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key.value())
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) size),
                                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, size), size))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            checkLength(key, length, content.count());
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key.value()).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private void abort(StorageKey key, String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    private static void checkLength(StorageKey key, long announced, long read) {
        if (announced != UNKNOWN_LENGTH && announced != read) {
            throw new StorageException(
                    "Cannot store '" + key + "': " + announced + " bytes announced, the stream held " + read);
        }
    }

    @Override
    public StoredContent open(StorageKey key) {
        try {
            var response = s3.getObject(b -> b.bucket(bucket).key(key.value()));
            var meta = response.response();
            var object = new StoredObject(key, meta.contentLength(), typeOr(meta.contentType()), meta.lastModified());
            return new StoredContent(object, 0, object.size() - 1, response);
        } catch (NoSuchKeyException e) {
            throw new StoredObjectNotFoundException(key);
        } catch (SdkException e) {
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        }
    }

    @Override
    public StoredContent openRange(StorageKey key, long first, long last) {
        Ranges.check(first, last);
        try {
            var response = s3.getObject(b -> b.bucket(bucket).key(key.value()).range(rangeHeader(first, last)));
            var meta = response.response();
            var range = CONTENT_RANGE.matcher(String.valueOf(meta.contentRange()));
            if (!range.matches()) {
                response.abort();
                throw new StorageException("The store answered no Content-Range for a range of '" + key + "'");
            }
            var size = Long.parseLong(range.group(3));
            var object = new StoredObject(key, size, typeOr(meta.contentType()), meta.lastModified());
            // Some S3-compatible stores echo the requested end instead of cutting it at the object's end.
            var end = Math.min(Long.parseLong(range.group(2)), size - 1);
            return new StoredContent(object, Long.parseLong(range.group(1)), end, response);
        } catch (NoSuchKeyException e) {
            throw new StoredObjectNotFoundException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                var size = find(key)
                        .orElseThrow(() -> new StoredObjectNotFoundException(key))
                        .size();
                throw new UnsatisfiableRangeException(key, first, size);
            }
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        } catch (SdkException e) {
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        }
    }

    @Override
    public Optional<StoredObject> find(StorageKey key) {
        try {
            var head = s3.headObject(b -> b.bucket(bucket).key(key.value()));
            return Optional.of(
                    new StoredObject(key, head.contentLength(), typeOr(head.contentType()), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        } catch (SdkException e) {
            throw new StorageException("Cannot read '" + key + "': " + e, e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw new StorageException("Cannot delete '" + key + "': " + e, e);
        }
    }

    @Override
    public List<StorageKey> list(String prefix) {
        StorageKey.checkPrefix(prefix);
        try {
            // S3 lists keys in UTF-8 binary order, which for the key alphabet is String order.
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .filter(StorageKey::isValid) // objects written by other tools, and the health probe
                    .map(StorageKey::of)
                    .toList();
        } catch (SdkException e) {
            throw new StorageException("Cannot list '" + prefix + "': " + e, e);
        }
    }

    @Override
    public void checkWritable() {
        var probe = PROBE_PREFIX + UUID.randomUUID();
        try {
            s3.putObject(
                    b -> b.bucket(bucket).key(probe),
                    RequestBody.fromString(Instant.now().toString()));
            s3.deleteObject(b -> b.bucket(bucket).key(probe));
        } catch (SdkException e) {
            throw new StorageException("Bucket '" + bucket + "' is not writable: " + e, e);
        }
    }

    /** An open-ended range where the caller asks for "to the end" (some stores mishandle a huge last byte). */
    private static String rangeHeader(long first, long last) {
        return last == Long.MAX_VALUE ? "bytes=" + first + "-" : "bytes=" + first + "-" + last;
    }

    private static String typeOr(@Nullable String contentType) {
        return contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    /** Multipart uploads started and neither completed nor aborted (the tests check that none are left behind). */
    public List<String> unfinishedUploads() {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(upload -> upload.key())
                .toList();
    }
}
