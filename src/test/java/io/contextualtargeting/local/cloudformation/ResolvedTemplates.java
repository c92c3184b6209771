package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test access to the local model's template reading for the deploy checks (package
 * {@code io.contextualtargeting.deploy}): a template as parsed (short-form tags in long form) and
 * every resource of a stack and its nested stacks with its properties resolved to the local
 * model's sample values (region {@value ResourceIdentity#REGION}, account
 * {@value ResourceIdentity#ACCOUNT}), which the loaded {@link CloudModel} does not keep
 * (policies, bucket settings...).
 */
public final class ResolvedTemplates {
    public static final String REGION = ResourceIdentity.REGION;
    public static final String ACCOUNT = ResourceIdentity.ACCOUNT;

    private ResolvedTemplates() {
    }

    /** One resource that the parameters create, after SAM Globals and with every intrinsic function resolved. */
    public record Resource(String stack, String template, String logicalId, String type, String name,
                           JsonNode properties) {
    }

    /** The template as written, in JSON with intrinsic functions in long form ({@code {"Fn::Sub": ...}}). */
    public static JsonNode parse(String templatePath, String text) {
        return CfnYaml.parse(templatePath, text);
    }

    /** The created resources of the root template's stack and of its nested stacks, depth first. */
    public static List<Resource> resources(TemplateSource source, String rootTemplate, String stackName,
                                           Map<String, String> parameters) {
        List<Resource> into = new ArrayList<>();
        collect(open(source, rootTemplate, stackName, parameters), into);
        return List.copyOf(into);
    }

    private static StackResolver open(TemplateSource source, String template, String stackName,
                                      Map<String, String> parameters) {
        return new StackResolver(template, stackName, CfnYaml.parse(template, source.read(template)), parameters,
                (nested, name, values) -> open(source, nested, name, values));
    }

    private static void collect(StackResolver stack, List<Resource> into) {
        for (String logicalId : stack.activeResources()) {
            String type = stack.type(logicalId);
            into.add(new Resource(stack.stackName(), stack.template(), logicalId, type, stack.name(logicalId),
                    stack.properties(logicalId)));
            if (ResourceIdentity.isStack(type)) {
                collect(stack.nestedStack(logicalId), into);
            }
        }
    }
}
