package io.contextualtargeting.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3KeysTest {
    @TempDir
    Path root;

    private FolderObjectStore store(String... keys) {
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        for (String key : keys) {
            store.writeText(new ObjectRef("bucket", key), "x");
        }
        return store;
    }

    @Test
    void aKeyIsTakenAsSentAndDecodedOnlyWhenOnlyTheDecodedObjectExists() {
        FolderObjectStore store = store("train/a+b.json", "train/my file.json");

        assertThat(S3Keys.fromEvent(store, "bucket", "train/a+b.json").key()).isEqualTo("train/a+b.json");
        assertThat(S3Keys.fromEvent(store, "bucket", "train/my+file.json").key()).isEqualTo("train/my file.json");
        assertThat(S3Keys.fromEvent(store, "bucket", "train/missing%20file.json").key()).isEqualTo("train/missing%20file.json");
    }

    @Test
    void aKeyWithDotSegmentsIsRefusedAsSentAndNeverDecodedIntoOne() {
        FolderObjectStore store = store("train/%2E%2E/x.json");

        assertThatThrownBy(() -> S3Keys.fromEvent(store, "bucket", "train/../../../etc/passwd.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("'..' segment");
        assertThat(S3Keys.fromEvent(store, "bucket", "train/%2E%2E/x.json").key()).as("the encoded key exists as sent")
                .isEqualTo("train/%2E%2E/x.json");
        assertThat(S3Keys.fromEvent(store, "bucket", "train/%2E%2E/%2E%2E/y.json").key()).as("decoded it would leave: not used")
                .isEqualTo("train/%2E%2E/%2E%2E/y.json");
    }

    @Test
    void anObjectOutsideTheExpectedBucketOrPrefixIsRefused() {
        ObjectRef config = new ObjectRef("bucket", "train/g/config.json");

        assertThat(S3Keys.requireUnder(config, "bucket", "train/", ".json", "a training config")).isEqualTo(config);
        assertThatThrownBy(() -> S3Keys.requireUnder(config, "other", "train/", ".json", "a training config"))
                .hasMessage("s3://bucket/train/g/config.json: not a training config: expected a .json object under s3://other/train/");
        assertThatThrownBy(() -> S3Keys.requireUnder(new ObjectRef("bucket", "batch/config.json"), "bucket", "train/", ".json",
                "a training config")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> S3Keys.requireUnder(new ObjectRef("bucket", "train/config.csv"), "bucket", "train/", ".json",
                "a training config")).isInstanceOf(InputException.class);
    }
}
