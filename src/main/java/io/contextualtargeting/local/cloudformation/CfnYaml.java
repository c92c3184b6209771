package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation YAML (or JSON) template into JSON, turning each short-form tag into its
 * long form ({@code !Sub x} becomes {@code {"Fn::Sub": x}}, {@code !GetAtt A.B} becomes
 * {@code {"Fn::GetAtt": ["A", "B"]}}). Dates stay strings, as CloudFormation reads them.
 */
final class CfnYaml {
    private static final Map<String, String> TAGS = Map.ofEntries(Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"), Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"), Map.entry("!Select", "Fn::Select"), Map.entry("!Split", "Fn::Split"),
            Map.entry("!If", "Fn::If"), Map.entry("!Equals", "Fn::Equals"), Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"), Map.entry("!Or", "Fn::Or"), Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"), Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"), Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"), Map.entry("!Contains", "Fn::Contains"),
            Map.entry("!EachMemberEquals", "Fn::EachMemberEquals"), Map.entry("!EachMemberIn", "Fn::EachMemberIn"),
            Map.entry("!RefAll", "Fn::RefAll"), Map.entry("!ValueOf", "Fn::ValueOf"),
            Map.entry("!ValueOfAll", "Fn::ValueOfAll"));

    private CfnYaml() {
    }

    static JsonNode parse(String templatePath, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(20 * 1024 * 1024);
        Yaml yaml = new Yaml(new TagConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new NoTimestampResolver());
        try {
            Object document = yaml.load(text);
            if (!(document instanceof Map)) {
                throw new TemplateException(templatePath, null, "is not a template (expected a YAML mapping)");
            }
            return Json.MAPPER.valueToTree(document);
        } catch (MarkedYAMLException e) {
            long line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1L;
            throw new TemplateException(templatePath, line, null, e.getProblem());
        } catch (YAMLException e) {
            throw new TemplateException(templatePath, null, e.getMessage());
        }
    }

    /** YAML 1.1 resolution without timestamps: {@code Version: 2012-10-17} stays the string CloudFormation sees. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static final class TagConstructor extends SafeConstructor {
        TagConstructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((tag, function) -> yamlConstructors.put(new Tag(tag), new LongForm(function)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String function;

            LongForm(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    value = "Fn::GetAtt".equals(function) ? getAtt(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(function, value);
            }

            private List<String> getAtt(String text) {
                int dot = text.indexOf('.');
                return dot < 0 ? List.of(text) : Arrays.asList(text.substring(0, dot), text.substring(dot + 1));
            }
        }
    }
}
