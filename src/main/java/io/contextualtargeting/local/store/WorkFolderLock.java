package io.contextualtargeting.local.store;

import io.contextualtargeting.formats.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock a run holds on its work folder ({@value #FILE} in the folder, locked with
 * {@link FileChannel#tryLock()}), so that a second run on the same folder stops at once instead of
 * emptying the folder under the first. The operating system releases the lock when the process
 * ends, even when it is killed: a lock file that nobody holds means the run that used the folder
 * is over, finished or not.
 */
public final class WorkFolderLock implements AutoCloseable {
    /** The lock file's name in the work folder; emptying the folder leaves it in place. */
    public static final String FILE = ".lock";
    /** Folders locked by this JVM: a second lock from the same process fails as one from another would. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    /** Holds the lock: closing it releases the lock. */
    private final FileChannel channel;

    private WorkFolderLock(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /**
     * Locks {@code folder} (created when missing) for this process.
     *
     * @throws Busy when another run, in this process or another one, holds it
     */
    public static WorkFolderLock acquire(Path folder) {
        Path key = key(folder);
        if (!HELD.add(key)) {
            throw new Busy(folder, "this process");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                String owner = owner(channel);
                channel.close();
                throw new Busy(folder, owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new WorkFolderLock(folder, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw new UncheckedIOException("cannot lock the work folder " + folder, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw e;
        }
    }

    /**
     * Whether the run that last used {@code folder} is over: the folder has a lock file and nobody,
     * in this process or another, holds it. False for a folder no run ever locked.
     */
    public static boolean isAbandoned(Path folder) {
        Path file = folder.resolve(FILE);
        if (HELD.contains(key(folder)) || !Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of the work folder " + folder, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock the work folder " + folder, e);
        } finally {
            HELD.remove(key(folder));
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    /** What the lock file says of its holder ("pid 1234"), or "another process". */
    private static String owner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            return text.startsWith("pid ") ? "process " + text.substring(4) : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock, if any, goes with the channel
            }
        }
    }

    /** Another run uses the work folder: an input problem, fixed by waiting or by another --work folder. */
    public static final class Busy extends InputException {
        Busy(Path folder, String owner) {
            super(folder.toString(), 0, null, "this work folder is in use by another run (" + owner + " holds "
                    + folder.resolve(FILE) + "); wait for that run to end or choose another --work folder");
        }
    }
}
