package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.functions.ReflectionConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Native-image readiness: every type Jackson binds in the Lambda path is registered for
 * reflection in {@link ReflectionConfig}. The types are found, not listed: each handler's input and
 * output, every type reachable from them through record components and type arguments, and the
 * class literals used by Lambda-path classes that call ObjectMapper's binding methods (such as
 * NotificationFormatter's treeToValue).
 */
class ReflectionRegistrationTest {
    private static final String ROOT_PACKAGE = "io.contextualtargeting.";
    private static final List<String> LAMBDA_PATH = List.of("functions", "workflow", "aws", "ports", "embedded");
    private static final Set<String> BINDING_METHODS = Set.of("treeToValue", "readValue", "convertValue", "readerFor",
            "writerFor");

    @Test
    void everyTypeJacksonBindsInTheLambdaPathIsRegistered() {
        assertThat(registered()).containsAll(bound());
    }

    @Test
    void nothingIsRegisteredThatJacksonDoesNotBind() {
        assertThat(bound()).containsAll(registered());
    }

    @Test
    void typesBeneathAHandlerSignatureAreFound() {
        assertThat(bound()).contains("io.contextualtargeting.workflow.training.TrainingPlan$BatchSegmentJobPlan",
                "io.contextualtargeting.workflow.notify.ErrorInfo");
    }

    private static Set<String> registered() {
        Set<String> names = new TreeSet<>();
        for (Class<?> target : ReflectionConfig.class.getAnnotation(RegisterForReflection.class).targets()) {
            names.add(target.getName());
        }
        return names;
    }

    private static Set<String> bound() {
        Set<String> types = new TreeSet<>();
        for (Class<?> handler : Handlers.byName().values()) {
            Method method = Handlers.handleRequest(handler);
            walk(method.getGenericParameterTypes()[0], types);
            walk(method.getGenericReturnType(), types);
        }
        for (Path folder : LAMBDA_PATH.stream().map(p -> Path.of("target", "classes", "io", "contextualtargeting", p)).toList()) {
            for (Path classFile : classFiles(folder)) {
                classLiteralsBoundByJackson(classFile).forEach(name -> walk(load(name), types));
            }
        }
        return types;
    }

    private static void walk(Type type, Set<String> into) {
        if (type instanceof ParameterizedType parameterized) {
            walk(parameterized.getRawType(), into);
            for (Type argument : parameterized.getActualTypeArguments()) {
                walk(argument, into);
            }
        } else if (type instanceof Class<?> c && c.getName().startsWith(ROOT_PACKAGE) && into.add(c.getName())
                && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                walk(component.getGenericType(), into);
            }
        }
    }

    /** Class literals of our own types in a class that calls an ObjectMapper binding method, or none. */
    private static Set<String> classLiteralsBoundByJackson(Path classFile) {
        Set<String> literals = new TreeSet<>();
        boolean[] binds = {false};
        try (InputStream in = Files.newInputStream(classFile)) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                            if (owner.startsWith("com/fasterxml/jackson/databind/") && BINDING_METHODS.contains(method)) {
                                binds[0] = true;
                            }
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof org.objectweb.asm.Type t && t.getSort() == org.objectweb.asm.Type.OBJECT
                                    && t.getClassName().startsWith(ROOT_PACKAGE)) {
                                literals.add(t.getClassName());
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return binds[0] ? literals : Set.of();
    }

    private static List<Path> classFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
