package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defaults a new user deploys with ({@code sam deploy --guided} offers the template's defaults,
 * overridden by samconfig.toml) must deploy today: nothing from a service past its end of support.
 * Amazon Pinpoint's engagement features ended on 2026-10-30; creating a Pinpoint app rolls the stack back.
 */
class DefaultParametersTest {

    private static final String PAST_END_OF_SUPPORT = "AWS::Pinpoint::";
    private static final Pattern OVERRIDE = Pattern.compile("(\\w+)=\\\\\"([^\\\\\"]*)\\\\\"");

    @Test
    void theTemplateDefaultsDeployNothingPastEndOfSupport() {
        assertThat(Repository.resolved(Map.of()))
                .extracting(ResolvedTemplates.Resource::type)
                .noneMatch(type -> type.startsWith(PAST_END_OF_SUPPORT));
    }

    @Test
    void noSamconfigEnvironmentDeploysAnythingPastEndOfSupport() {
        Map<String, Map<String, String>> environments = samconfigParameterOverrides();

        assertThat(environments).containsKeys("default", "native");
        environments.forEach((environment, overrides) -> {
            assertThat(overrides).as(environment).containsKeys("PinpointProjectId", "SegmentFileForm");
            assertThat(Repository.resolved(overrides)).as(environment)
                    .extracting(ResolvedTemplates.Resource::type)
                    .noneMatch(type -> type.startsWith(PAST_END_OF_SUPPORT));
        });
    }

    /** The check itself can fail: the Pinpoint option that stays available does deploy a Pinpoint app. */
    @Test
    void creatingAPinpointProjectIsStillAnExplicitChoice() {
        assertThat(Repository.resolved(Map.of("PinpointProjectId", "create", "SegmentFileForm", "Id")))
                .extracting(ResolvedTemplates.Resource::type)
                .contains("AWS::Pinpoint::App");
    }

    /** Each samconfig.toml environment's {@code parameter_overrides = "Name=\"value\" ..."} of its deploy section. */
    static Map<String, Map<String, String>> samconfigParameterOverrides() {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        String section = "";
        for (String line : Repository.read("samconfig.toml").lines().toList()) {
            if (line.startsWith("[")) {
                section = line;
            } else if (line.startsWith("parameter_overrides") && section.endsWith(".deploy.parameters]")) {
                Map<String, String> overrides = new LinkedHashMap<>();
                Matcher m = OVERRIDE.matcher(line);
                while (m.find()) {
                    overrides.put(m.group(1), m.group(2));
                }
                environments.put(section.substring(1, section.indexOf('.')), overrides);
            }
        }
        return environments;
    }
}
