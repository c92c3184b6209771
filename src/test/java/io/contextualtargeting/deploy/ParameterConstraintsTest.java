package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.local.cloudformation.TemplateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter values that CloudFormation must refuse before anything is created. */
class ParameterConstraintsTest {

    /** The prefix ends up in IAM resource ARNs and event patterns, where '*' is a wildcard. */
    @Test
    void aSegmentImportPrefixWithAWildcardIsRefused() {
        assertThatThrownBy(() -> Repository.resolved(Map.of("SegmentImportPrefix", "seg*/")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SegmentImportPrefix");
        assertThat(Repository.resolved(Map.of("SegmentImportPrefix", "segments/2026-12/"))).isNotEmpty();
    }
}
