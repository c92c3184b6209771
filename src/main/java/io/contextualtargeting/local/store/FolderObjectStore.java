package io.contextualtargeting.local.store;

import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * S3 on a folder: bucket {@code b}, key {@code k} is the file {@code root/b/k}. Writes go to a
 * temporary file first and appear atomically, then the listener hears "Object Created", as
 * EventBridge would. Keys that would leave the bucket's folder are refused.
 */
public final class FolderObjectStore implements ObjectStore {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String TEMP_FOLDER = ".uploads";

    private final Path root;
    private final ObjectCreatedListener listener;

    public FolderObjectStore(Path root, ObjectCreatedListener listener) {
        this.root = root.toAbsolutePath().normalize();
        this.listener = listener;
    }

    /** The file that holds an object (it may not exist). */
    public Path pathOf(ObjectRef ref) {
        Path bucketFolder = bucketFolder(ref.bucket());
        String key = ref.key();
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the local store cannot hold key '" + key + "'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equals(TEMP_FOLDER)) {
                throw new IllegalArgumentException("the local store cannot hold key '" + key + "' (empty, '.' or '..' segment)");
            }
        }
        Path path = bucketFolder.resolve(key).normalize();
        if (!path.startsWith(bucketFolder)) {
            throw new IllegalArgumentException("key '" + key + "' leaves the bucket");
        }
        return path;
    }

    /** A bucket's folder; a name S3 would refuse (such as {@code ..}) is refused, so no bucket is outside the root. */
    private Path bucketFolder(String bucket) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not a valid bucket name");
        }
        return root.resolve(bucket);
    }

    @Override
    public InputStream read(ObjectRef ref) {
        try {
            return Files.newInputStream(pathOf(ref));
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(ref);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ref, e);
        }
    }

    @Override
    public void write(ObjectRef ref, Content content) {
        Path target = pathOf(ref);
        Staged staged = stage(content);
        try {
            Files.createDirectories(target.getParent());
            Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staged.file());
            throw new UncheckedIOException("cannot write " + ref, e);
        }
        listener.objectCreated(ref, staged.size(), staged.etag());
    }

    @Override
    public boolean writeIfAbsent(ObjectRef ref, Content content) {
        Path target = pathOf(ref);
        if (Files.exists(target)) {
            return false;
        }
        Staged staged = stage(content);
        try {
            Files.createDirectories(target.getParent());
            // A hard link fails atomically when the target exists: of two concurrent writers, one wins.
            Files.createLink(target, staged.file());
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ref, e);
        } finally {
            deleteQuietly(staged.file());
        }
        listener.objectCreated(ref, staged.size(), staged.etag());
        return true;
    }

    @Override
    public List<ObjectRef> list(String bucket, String prefix) {
        Path bucketFolder = bucketFolder(bucket);
        if (!Files.isDirectory(bucketFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(bucketFolder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> bucketFolder.relativize(p).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix) && !key.startsWith(TEMP_FOLDER + "/"))
                    .sorted()
                    .map(key -> new ObjectRef(bucket, key))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + bucket + "/" + prefix, e);
        }
    }

    @Override
    public boolean exists(ObjectRef ref) {
        return Files.isRegularFile(pathOf(ref));
    }

    @Override
    public void delete(ObjectRef ref) {
        try {
            Files.deleteIfExists(pathOf(ref));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + ref, e);
        }
    }

    /** Writes the content to a temporary file, computing its size and MD5 ETag as S3 does. */
    private Staged stage(Content content) {
        Path temp = null;
        try {
            Path folder = Files.createDirectories(root.resolve(TEMP_FOLDER));
            temp = Files.createTempFile(folder, "object", ".part");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), md5)) {
                content.writeTo(out);
            }
            return new Staged(temp, Files.size(temp), HexFormat.of().formatHex(md5.digest()));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write object", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the next run's clean-up removes it
        }
    }

    private record Staged(Path file, long size, String etag) {
    }
}
