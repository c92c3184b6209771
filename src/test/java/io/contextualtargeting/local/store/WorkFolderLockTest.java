package io.contextualtargeting.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.InputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFolderLockTest {
    @TempDir
    Path work;

    @Test
    void aSecondLockOnTheFolderFailsWithAMessageNamingIt() {
        try (WorkFolderLock first = WorkFolderLock.acquire(work)) {
            assertThatThrownBy(() -> WorkFolderLock.acquire(work))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(work + ": this work folder is in use by another run")
                    .hasMessageContaining("choose another --work folder");
            assertThat(WorkFolderLock.isAbandoned(work)).isFalse();
        }
        assertThat(WorkFolderLock.isAbandoned(work)).isTrue();
        WorkFolderLock.acquire(work).close();
    }

    @Test
    void aFolderNoRunEverLockedIsNotAbandoned() {
        assertThat(WorkFolderLock.isAbandoned(work)).isFalse();
    }

    @Test
    void theLockOfAKilledProcessIsFreedWithIt() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), work.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> WorkFolderLock.acquire(work))
                    .isInstanceOf(WorkFolderLock.Busy.class)
                    .hasMessageContaining("process " + holder.pid());
            assertThat(WorkFolderLock.isAbandoned(work)).isFalse();
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(WorkFolderLock.isAbandoned(work)).isTrue();
        WorkFolderLock.acquire(work).close();
    }

    /** Another process that locks the folder and keeps it until it is killed. */
    public static final class Holder {
        public static void main(String[] args) throws InterruptedException {
            WorkFolderLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
